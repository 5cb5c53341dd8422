package tw.enforce.sync.section;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Average speed over a section, decided on the two passage times alone: a pure function, the same
 * input gives the same decision bit for bit. The measured average is lengthM / (exit − entry); it is
 * a violation when it exceeds the limit. Whether the case may be enforced depends on the clocks that
 * stamped the two passages: both must be synchronised with a known offset within the policy, and
 * the average must still exceed the limit with the elapsed time lengthened by both offsets.
 */
public final class SectionSpeedRule {
    private SectionSpeedRule() {
    }

    public static SectionSpeedDecision decide(SectionSpeedInput in) {
        Duration d = Duration.between(in.entryAt(), in.exitAt());
        double elapsed = d.getSeconds() + d.getNano() / 1e9;
        if (elapsed <= 0) {
            return new SectionSpeedDecision(false, "exit passage not after entry passage", in.exitAt(), elapsed,
                    Double.NaN, Double.NaN, Double.NaN, in.limitKmh(), false, List.of());
        }
        double speed = in.lengthM() * 3.6 / elapsed;
        double uncertainty = uncertaintySeconds(in.entryClock(), in.exitClock());
        double conservative = Double.isNaN(uncertainty) ? Double.NaN : in.lengthM() * 3.6 / (elapsed + uncertainty);
        List<String> notes = new ArrayList<>();
        trust("entry", in.entryClock(), in.maxClockOffsetMs(), notes);
        trust("exit", in.exitClock(), in.maxClockOffsetMs(), notes);
        if (speed > in.maxPlausibleKmh()) {
            return new SectionSpeedDecision(false, String.format("average %.1f km/h above the plausible %.0f km/h: "
                    + "cloned plate or clock fault, not a ticket", speed, in.maxPlausibleKmh()), in.exitAt(), elapsed,
                    speed, conservative, uncertainty, in.limitKmh(), false, notes);
        }
        if (speed <= in.limitKmh()) {
            return new SectionSpeedDecision(false, String.format("average %.1f km/h within the %.0f km/h limit",
                    speed, in.limitKmh()), in.exitAt(), elapsed, speed, conservative, uncertainty, in.limitKmh(),
                    false, notes);
        }
        if (!Double.isNaN(conservative) && conservative <= in.limitKmh()) {
            notes.add(String.format("within the clock uncertainty of %.3f s the average may be %.1f km/h, not over the limit",
                    uncertainty, conservative));
        }
        return new SectionSpeedDecision(true, String.format("average %.1f km/h over the %.0f km/h limit", speed,
                in.limitKmh()), in.exitAt(), elapsed, speed, conservative, uncertainty, in.limitKmh(), notes.isEmpty(),
                notes);
    }

    static double uncertaintySeconds(PassageManifest.ClockState a, PassageManifest.ClockState b) {
        if (a.estimatedOffsetMillis() == null || b.estimatedOffsetMillis() == null) {
            return Double.NaN;
        }
        return (Math.abs(a.estimatedOffsetMillis()) + Math.abs(b.estimatedOffsetMillis())) / 1000.0;
    }

    private static void trust(String which, PassageManifest.ClockState c, double maxOffsetMs, List<String> notes) {
        if (!c.synchronised()) {
            notes.add(which + " unit clock not synchronised (" + c.source() + ")");
        } else if (c.estimatedOffsetMillis() == null) {
            notes.add(which + " unit clock offset unknown (" + c.source() + ")");
        } else if (Math.abs(c.estimatedOffsetMillis()) > maxOffsetMs) {
            notes.add(String.format("%s unit clock offset %.1f ms beyond %.0f ms", which, c.estimatedOffsetMillis(),
                    maxOffsetMs));
        }
    }
}
