package tw.enforce.runtime.evidence;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import tw.enforce.runtime.rule.RedLightDecision;
import tw.enforce.runtime.rule.RedLightRule;

/**
 * Re-runs the red-light rule on the decision input recorded in a manifest and compares the outcome
 * with the measurement the unit recorded. The rule is a pure function, so any difference means the
 * rule (software version) or the record differs; the differences are listed field by field.
 */
public final class EvidenceReplay {
    private static final double SECONDS_TOLERANCE = 1e-9;

    private EvidenceReplay() {
    }

    public record Outcome(RedLightDecision decision, List<String> differences) {
        public boolean matches() {
            return differences.isEmpty();
        }
    }

    public static Outcome replay(EvidenceManifest m) {
        if (!RedLightEvidence.RULE.equals(m.rule()) || m.decisionInput() == null || m.measurement() == null) {
            throw new IllegalArgumentException("package " + m.packageId() + ": rule " + m.rule()
                    + " has no replayable red-light decision input");
        }
        RedLightDecision d = RedLightRule.decide(m.decisionInput());
        List<String> diff = new ArrayList<>();
        if (!(d instanceof RedLightDecision.Violation v)) {
            diff.add("replay finds no violation: " + ((RedLightDecision.NoViolation) d).reason());
            return new Outcome(d, diff);
        }
        EvidenceManifest.RedLightMeasurement r = m.measurement();
        compare(diff, "redOnset", r.redOnset(), v.redOnset());
        compare(diff, "stopLineCrossing", r.stopLineCrossing(), v.stopLineCrossing());
        compare(diff, "exitLineCrossing", r.exitLineCrossing(), v.exitLineCrossing());
        compare(diff, "phaseBeforeRed", r.phaseBeforeRed(), v.phaseBeforeRed().name());
        if (Math.abs(r.timeIntoRedSeconds() - v.timeIntoRedSeconds()) > SECONDS_TOLERANCE) {
            diff.add("timeIntoRedSeconds recorded " + r.timeIntoRedSeconds() + ", replayed " + v.timeIntoRedSeconds());
        }
        boolean bothNaN = Double.isNaN(r.speedKmh()) && Double.isNaN(v.speedKmh());
        if (!bothNaN && !(Math.abs(r.speedKmh() - v.speedKmh()) <= 1e-6)) {
            diff.add("speedKmh recorded " + r.speedKmh() + ", replayed " + v.speedKmh());
        }
        return new Outcome(d, diff);
    }

    private static void compare(List<String> diff, String field, Object recorded, Object replayed) {
        if (!Objects.equals(recorded, replayed)) {
            diff.add(field + " recorded " + recorded + ", replayed " + replayed);
        }
    }
}
