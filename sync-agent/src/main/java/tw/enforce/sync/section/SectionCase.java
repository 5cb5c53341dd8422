package tw.enforce.sync.section;

import java.time.Instant;

/**
 * One section case as the center lists it. {@code speedKmh} is NaN for undecided cases;
 * {@code eventTime} is the exit passage; {@code file} the decision record, relative to the store;
 * {@code voidReason} is set when later passages changed the pairing (the record stays, for audit).
 */
public record SectionCase(String caseId, String sectionId, String plate, SectionDecisionRecord.Status status,
                          String entryPackage, String exitPackage, double speedKmh, Instant eventTime,
                          boolean enforceable, Instant decidedAt, String file, String voidReason) {

    public boolean isVoid() {
        return voidReason != null;
    }
}
