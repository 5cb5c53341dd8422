package tw.enforce.sim.section;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import tw.enforce.sync.section.SectionCase;
import tw.enforce.sync.section.SectionDecisionRecord.Status;

/**
 * The center's standing section cases against the truth. A VIOLATION case is a true positive when
 * its plate is an offender's and its exit time is within {@link #TIME_TOLERANCE} of the offender's
 * exit crossing; any other VIOLATION case is a false positive (a wrong vehicle or a legal one).
 * Speed error is over every decided pair that matches a vehicle: case average − true average.
 */
public record SectionScore(int offenders, int truePositives, int falsePositives, int missed, int decidedPairs,
                           int ambiguous, int conflicts, List<Double> speedErrors) {
    static final Duration TIME_TOLERANCE = Duration.ofMillis(500);

    public SectionScore {
        speedErrors = List.copyOf(speedErrors);
    }

    public double precision() {
        return truePositives + falsePositives == 0 ? 1.0 : truePositives / (double) (truePositives + falsePositives);
    }

    public double recall() {
        return offenders == 0 ? 1.0 : truePositives / (double) offenders;
    }

    public double meanAbsSpeedError() {
        return speedErrors.stream().mapToDouble(Math::abs).average().orElse(Double.NaN);
    }

    public double p95AbsSpeedError() {
        double[] a = speedErrors.stream().mapToDouble(Math::abs).sorted().toArray();
        return a.length == 0 ? Double.NaN : a[Math.min(a.length - 1, (int) Math.ceil(0.95 * a.length) - 1)];
    }

    public double maxAbsSpeedError() {
        return speedErrors.stream().mapToDouble(Math::abs).max().orElse(Double.NaN);
    }

    public String summary() {
        return String.format(Locale.ROOT, "SECTION_SPEED offenders %d, tickets %d (tp %d, fp %d), missed %d, "
                        + "precision %.3f, recall %.3f, decided pairs %d, ambiguous %d, conflicts %d, "
                        + "speed error |mean| %.3f p95 %.3f max %.3f km/h",
                offenders, truePositives + falsePositives, truePositives, falsePositives, missed, precision(), recall(),
                decidedPairs, ambiguous, conflicts, meanAbsSpeedError(), p95AbsSpeedError(), maxAbsSpeedError());
    }

    static SectionScore of(SectionTruth truth, List<SectionCase> cases) {
        int tp = 0;
        int fp = 0;
        int pairs = 0;
        int ambiguous = 0;
        int conflicts = 0;
        Set<String> caught = new HashSet<>();
        List<Double> errors = new ArrayList<>();
        for (SectionCase c : cases) {
            if (c.isVoid()) {
                continue;
            }
            if (c.status() == Status.AMBIGUOUS) {
                ambiguous++;
                continue;
            }
            if (c.status() == Status.CONFLICT) {
                conflicts++;
                continue;
            }
            pairs++;
            Optional<SectionTruth.Vehicle> v = truth.vehicles().stream()
                    .filter(t -> key(t.plate()).equals(c.plate()) && t.exitAt() != null
                            && Duration.between(t.exitAt(), c.eventTime()).abs().compareTo(TIME_TOLERANCE) <= 0)
                    .findFirst();
            v.filter(t -> !Double.isNaN(t.averageKmh())).ifPresent(t -> errors.add(c.speedKmh() - t.averageKmh()));
            if (c.status() == Status.VIOLATION) {
                if (v.isPresent() && v.get().offender()) {
                    tp++;
                    caught.add(v.get().id());
                } else {
                    fp++;
                }
            }
        }
        int offenders = truth.offenders().size();
        return new SectionScore(offenders, tp, fp, offenders - caught.size(), pairs, ambiguous, conflicts, errors);
    }

    static String key(String plate) {
        return plate.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "");
    }
}
