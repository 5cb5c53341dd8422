package tw.enforce.sim.score;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import tw.enforce.sim.truth.Offence;
import tw.enforce.sim.truth.RuleId;

/**
 * One rule's decisions in one run against its true offences. The unit knows no actor ids, so a
 * case is matched to the true offence of the same rule whose event time is nearest, within the
 * rule's {@link RuleId#matchWindowSeconds}, each offence at most once. Unmatched tickets are wrong
 * tickets; unmatched offences are misses; cases the unit marked not enforceable are counted apart.
 */
public record RuleScore(RuleId rule, List<Match> matches, List<RuleCase> falsePositives, List<Offence> missed,
                        List<RuleCase> voided) {

    /** A hit, with the unit's error in event time, speed (km/h, NaN if either side has none) and time into red. */
    public record Match(Offence truth, RuleCase decided, double eventErrorSeconds, double speedErrorKmh,
                        double timeIntoRedErrorSeconds) {
    }

    public static RuleScore of(RuleId rule, List<Offence> offences, Instant epoch, List<RuleCase> cases) {
        List<Offence> open = new ArrayList<>(offences.stream().filter(o -> o.rule() == rule).toList());
        List<Match> matches = new ArrayList<>();
        List<RuleCase> fps = new ArrayList<>();
        List<RuleCase> voided = new ArrayList<>();
        List<RuleCase> sorted = new ArrayList<>(cases.stream().filter(c -> rule.name().equals(c.rule())).toList());
        sorted.sort(Comparator.comparing(RuleCase::eventTime));
        for (RuleCase c : sorted) {
            if (!c.ticket()) {
                voided.add(c);
                continue;
            }
            double t = seconds(epoch, c.eventTime());
            Offence best = null;
            for (Offence o : open) {
                double d = Math.abs(o.eventSeconds() - t);
                if (d <= rule.matchWindowSeconds() && (best == null || d < Math.abs(best.eventSeconds() - t))) {
                    best = o;
                }
            }
            if (best == null) {
                fps.add(c);
            } else {
                open.remove(best);
                matches.add(new Match(best, c, t - best.eventSeconds(), c.speedKmh() - best.speedKmh(),
                        c.timeIntoRedSeconds() - best.timeIntoRedSeconds()));
            }
        }
        return new RuleScore(rule, List.copyOf(matches), List.copyOf(fps), List.copyOf(open), List.copyOf(voided));
    }

    private static double seconds(Instant epoch, Instant t) {
        Duration d = Duration.between(epoch, t);
        return d.getSeconds() + d.getNano() / 1e9;
    }
}
