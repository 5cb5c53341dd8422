package tw.enforce.sync.section;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import tw.enforce.sync.protocol.PackageFiles;

/**
 * What the center decided for one exit passage, written as canonical JSON to
 * {@code sections/<sectionId>/<caseId>.json} beside the store. It is derived from the two signed
 * packages it cites (by package id and manifest SHA-256) and the policy in {@code decisionInput}
 * alone, with no wall-clock time in it, so deriving it again gives the same bytes ({@code
 * enforce-center sections --verify}). {@code status}: VIOLATION, NO_VIOLATION, AMBIGUOUS (several
 * possible entries: not decided) or CONFLICT (the units describe the section differently: not decided).
 */
public record SectionDecisionRecord(String schema, String caseId, String rule, String status, String sectionId,
                                    String plate, PackageRef entry, PackageRef exit, List<PackageRef> candidates,
                                    String note, SectionSpeedInput decisionInput, SectionSpeedDecision decision) {
    public static final String SCHEMA = "enforce.section-decision/1";

    public enum Status { VIOLATION, NO_VIOLATION, AMBIGUOUS, CONFLICT }

    public SectionDecisionRecord {
        candidates = candidates == null ? List.of() : List.copyOf(candidates);
    }

    /** One signed passage package a decision rests on, and its plate image. */
    public record PackageRef(String unitId, String packageId, long sequence, String manifestSha256, Instant passedAt,
                             String lane, String plateText, String plateStatus, String plateImage) {

        static PackageRef of(SectionPairing.Stored s) {
            PassageManifest m = s.manifest();
            String image = m.files().stream().filter(f -> f.role() != null && f.role().startsWith("plate"))
                    .map(PassageManifest.FileEntry::name).findFirst().orElse(null);
            return new PackageRef(m.unitId(), m.packageId(), m.sequence(), s.manifestSha256(),
                    m.passage().passedAt(), m.passage().lane(), m.passage().plate().text(),
                    m.passage().plate().status(), image);
        }
    }

    /** Case ids name the packages they rest on: the same pair always gets the same id. */
    static String caseId(String sectionId, List<String> packageIds) {
        String hex = PackageFiles.sha256Hex((sectionId + "|" + String.join("|", packageIds))
                .getBytes(StandardCharsets.UTF_8));
        return "SEC-" + hex.substring(0, 20);
    }

    /** The record for a match: a decided pair, or an undecided ambiguity or conflict. */
    static SectionDecisionRecord of(SectionPairing.Match match, SectionPolicy policy) {
        SectionPairing.Stored exit = match.exit();
        String section = exit.manifest().section().sectionId();
        String plate = SectionPairing.plateKey(exit.manifest().passage().plate());
        if (match instanceof SectionPairing.Ambiguous a) {
            List<String> ids = new java.util.ArrayList<>(a.entries().stream().map(e -> e.manifest().packageId()).toList());
            ids.add(exit.manifest().packageId());
            return new SectionDecisionRecord(SCHEMA, caseId(section, ids), SectionSpeedDecision.RULE,
                    Status.AMBIGUOUS.name(), section, plate, null, PackageRef.of(exit),
                    a.entries().stream().map(PackageRef::of).toList(),
                    a.entries().size() + " entry passages of this plate could start this trip: not decided", null, null);
        }
        SectionPairing.Stored entry = match instanceof SectionPairing.Paired p ? p.entry()
                : ((SectionPairing.Conflict) match).entry();
        String id = caseId(section, List.of(entry.manifest().packageId(), exit.manifest().packageId()));
        if (match instanceof SectionPairing.Conflict c) {
            return new SectionDecisionRecord(SCHEMA, id, SectionSpeedDecision.RULE, Status.CONFLICT.name(), section,
                    plate, PackageRef.of(entry), PackageRef.of(exit), List.of(), c.why() + ": not decided", null, null);
        }
        PassageManifest.Section s = entry.manifest().section();
        SectionSpeedInput input = new SectionSpeedInput(section, plate, s.lengthM(), s.limitKmh(),
                entry.at(), exit.at(), entry.manifest().clock(), exit.manifest().clock(),
                policy.maxClockOffsetMs(), policy.maxPlausibleKmh());
        SectionSpeedDecision d = SectionSpeedRule.decide(input);
        return new SectionDecisionRecord(SCHEMA, id, SectionSpeedDecision.RULE,
                (d.violation() ? Status.VIOLATION : Status.NO_VIOLATION).name(), section, plate, PackageRef.of(entry),
                PackageRef.of(exit), List.of(), d.reason(), input, d);
    }
}
