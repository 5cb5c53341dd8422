package tw.enforce.sim.score;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import tw.enforce.sim.demo.ScoreRun;
import tw.enforce.sim.truth.RuleId;
import tw.enforce.sync.protocol.CanonicalJson;

/**
 * Per-scenario and per-rule figures of a scoring run, as a table or as JSON. A rule the unit does
 * not decide is reported as such with its count of true offences, never as a precision or recall.
 */
public final class ScoreReport {
    private final List<ScoreRun.Outcome> outcomes;

    public ScoreReport(List<ScoreRun.Outcome> outcomes) {
        this.outcomes = List.copyOf(outcomes);
    }

    /**
     * One rule over all scenarios that enable it (or where the unit made cases for it). Errors are
     * of the unit against the truth over the hits: |event time| (s), speed (km/h; mean is signed,
     * p95 and max of the absolute value), |time into red| (s). NaN where there is nothing to measure;
     * precision and recall NaN when the unit does not decide the rule.
     */
    public record RuleFigures(String rule, boolean decided, int scenarios, int trueOffences, int truePositives,
                              int falsePositives, int missed, int voided, double precision, double recall,
                              double meanAbsEventErrorS, double maxAbsEventErrorS, double meanSpeedErrorKmh,
                              double p95AbsSpeedErrorKmh, double maxAbsSpeedErrorKmh, double meanAbsTimeIntoRedErrorS,
                              double p95AbsTimeIntoRedErrorS, double maxAbsTimeIntoRedErrorS) {
    }

    public RuleFigures redLight() {
        return figures(RuleId.RED_LIGHT);
    }

    /** Every rule enabled in some scenario or with cases, in rule order. */
    public List<RuleFigures> rules() {
        Set<RuleId> seen = EnumSet.noneOf(RuleId.class);
        outcomes.forEach(o -> o.rules().forEach(r -> seen.add(r.rule())));
        return seen.stream().map(this::figures).toList();
    }

    public RuleFigures figures(RuleId rule) {
        int scen = 0, offences = 0, tp = 0, fp = 0, fn = 0, voided = 0;
        boolean decided = false;
        List<Double> ev = new ArrayList<>(), sp = new ArrayList<>(), spSigned = new ArrayList<>(), tir = new ArrayList<>();
        for (ScoreRun.Outcome o : outcomes) {
            RuleScore s = o.rule(rule);
            if (s == null) {
                continue;
            }
            scen++;
            decided |= o.decided().contains(rule);
            offences += s.matches().size() + s.missed().size();
            tp += s.matches().size();
            fp += s.falsePositives().size();
            fn += s.missed().size();
            voided += s.voided().size();
            for (RuleScore.Match m : s.matches()) {
                ev.add(Math.abs(m.eventErrorSeconds()));
                if (!Double.isNaN(m.speedErrorKmh())) {
                    sp.add(Math.abs(m.speedErrorKmh()));
                    spSigned.add(m.speedErrorKmh());
                }
                if (!Double.isNaN(m.timeIntoRedErrorSeconds())) {
                    tir.add(Math.abs(m.timeIntoRedErrorSeconds()));
                }
            }
        }
        double precision = !decided ? Double.NaN : tp + fp == 0 ? 1 : (double) tp / (tp + fp);
        double recall = !decided ? Double.NaN : tp + fn == 0 ? 1 : (double) tp / (tp + fn);
        return new RuleFigures(rule.word(), decided, scen, offences, tp, fp, fn, voided, precision, recall,
                Stats.mean(ev), Stats.max(ev), Stats.mean(spSigned), Stats.p95(sp), Stats.max(sp),
                Stats.mean(tir), Stats.p95(tir), Stats.max(tir));
    }

    public void printTable(PrintStream out) {
        out.printf("%-30s %5s %4s %-28s %s%n", "scenario", "fps", "s", "rule: TP/FP/FN", "wall s");
        for (ScoreRun.Outcome o : outcomes) {
            StringBuilder r = new StringBuilder();
            for (RuleScore s : o.rules()) {
                r.append(s.rule().word()).append(o.decided().contains(s.rule())
                        ? String.format(Locale.ROOT, " %d/%d/%d  ", s.matches().size(), s.falsePositives().size(), s.missed().size())
                        : String.format(Locale.ROOT, " (%d, not decided)  ", s.missed().size()));
            }
            out.printf(Locale.ROOT, "%-30s %5d %4.0f %-28s %.1f%n", o.scenario(), o.fps(), o.truth().durationSeconds(), r, o.wallSeconds());
        }
        out.println();
        for (RuleFigures f : rules()) {
            if (!f.decided()) {
                out.printf(Locale.ROOT, "rule %-14s not decided by this unit (%d true offences in %d scenarios)%n",
                        f.rule(), f.trueOffences(), f.scenarios());
                continue;
            }
            out.printf(Locale.ROOT, "rule %-14s precision %.3f, recall %.3f (TP %d, FP %d, missed %d, void %d); |event time error| mean %s, max %s",
                    f.rule(), f.precision(), f.recall(), f.truePositives(), f.falsePositives(), f.missed(), f.voided(),
                    ms(f.meanAbsEventErrorS()), ms(f.maxAbsEventErrorS()));
            if (!Double.isNaN(f.maxAbsSpeedErrorKmh())) {
                out.printf(Locale.ROOT, "; speed error mean %+.2f, p95 |%.2f|, max |%.2f| km/h",
                        f.meanSpeedErrorKmh(), f.p95AbsSpeedErrorKmh(), f.maxAbsSpeedErrorKmh());
            }
            if (!Double.isNaN(f.maxAbsTimeIntoRedErrorS())) {
                out.printf(Locale.ROOT, "; |time-into-red error| mean %s, p95 %s, max %s",
                        ms(f.meanAbsTimeIntoRedErrorS()), ms(f.p95AbsTimeIntoRedErrorS()), ms(f.maxAbsTimeIntoRedErrorS()));
            }
            out.println();
        }
    }

    public String json() {
        Map<String, Object> doc = new LinkedHashMap<>();
        List<Map<String, Object>> scen = new ArrayList<>();
        for (ScoreRun.Outcome o : outcomes) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("scenario", o.scenario());
            m.put("fps", o.fps());
            m.put("frames", o.frames());
            List<Map<String, Object>> rs = new ArrayList<>();
            for (RuleScore s : o.rules()) {
                Map<String, Object> r = new LinkedHashMap<>();
                r.put("rule", s.rule().name());
                r.put("decided", o.decided().contains(s.rule()));
                r.put("trueOffences", s.matches().size() + s.missed().size());
                r.put("truePositives", s.matches().size());
                r.put("falsePositives", s.falsePositives().size());
                r.put("missed", s.missed().size());
                r.put("voided", s.voided().size());
                rs.add(r);
            }
            m.put("rules", rs);
            scen.add(m);
        }
        doc.put("scenarios", scen);
        List<Map<String, Object>> rules = new ArrayList<>();
        for (RuleFigures f : rules()) {
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("rule", f.rule());
            r.put("decided", f.decided());
            r.put("scenarios", f.scenarios());
            r.put("trueOffences", f.trueOffences());
            r.put("truePositives", f.truePositives());
            r.put("falsePositives", f.falsePositives());
            r.put("missed", f.missed());
            r.put("voided", f.voided());
            r.put("precision", num(f.precision()));
            r.put("recall", num(f.recall()));
            r.put("meanAbsEventErrorS", num(f.meanAbsEventErrorS()));
            r.put("maxAbsEventErrorS", num(f.maxAbsEventErrorS()));
            r.put("meanSpeedErrorKmh", num(f.meanSpeedErrorKmh()));
            r.put("p95AbsSpeedErrorKmh", num(f.p95AbsSpeedErrorKmh()));
            r.put("maxAbsSpeedErrorKmh", num(f.maxAbsSpeedErrorKmh()));
            r.put("meanAbsTimeIntoRedErrorS", num(f.meanAbsTimeIntoRedErrorS()));
            r.put("p95AbsTimeIntoRedErrorS", num(f.p95AbsTimeIntoRedErrorS()));
            r.put("maxAbsTimeIntoRedErrorS", num(f.maxAbsTimeIntoRedErrorS()));
            rules.add(r);
        }
        doc.put("rules", rules);
        return new String(CanonicalJson.write(doc), StandardCharsets.UTF_8);
    }

    private static Object num(double v) {
        return Double.isNaN(v) ? null : v;
    }

    private static String ms(double s) {
        return Double.isNaN(s) ? "-" : String.format(Locale.ROOT, "%.0f ms", s * 1000);
    }
}
