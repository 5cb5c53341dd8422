package tw.enforce.sim.score;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tw.enforce.sim.demo.ScoreRun;
import tw.enforce.sync.protocol.CanonicalJson;

/** Per-scenario and per-rule figures of a scoring run, as a table or as JSON. */
public final class ScoreReport {
    private final List<ScoreRun.Outcome> outcomes;

    public ScoreReport(List<ScoreRun.Outcome> outcomes) {
        this.outcomes = List.copyOf(outcomes);
    }

    public record RuleFigures(String rule, int truePositives, int falsePositives, int missed, double precision,
                              double recall, double meanAbsTimeIntoRedErrorS, double p95AbsTimeIntoRedErrorS,
                              double maxAbsTimeIntoRedErrorS) {
    }

    public RuleFigures redLight() {
        int tp = 0, fp = 0, fn = 0;
        List<Double> errors = new ArrayList<>();
        for (ScoreRun.Outcome o : outcomes) {
            tp += o.redLight().matches().size();
            fp += o.redLight().falsePositives().size();
            fn += o.redLight().missed().size();
            o.redLight().matches().forEach(m -> errors.add(Math.abs(m.timeIntoRedErrorSeconds())));
        }
        errors.sort(Double::compare);
        double mean = errors.stream().mapToDouble(Double::doubleValue).average().orElse(0);
        double p95 = errors.isEmpty() ? 0 : errors.get((int) Math.min(errors.size() - 1, Math.ceil(0.95 * errors.size()) - 1));
        double max = errors.isEmpty() ? 0 : errors.get(errors.size() - 1);
        return new RuleFigures("red-light", tp, fp, fn, tp + fp == 0 ? 1 : (double) tp / (tp + fp),
                tp + fn == 0 ? 1 : (double) tp / (tp + fn), mean, p95, max);
    }

    public void printTable(PrintStream out) {
        out.printf("%-28s %6s %4s %4s %4s %10s %8s%n", "scenario", "frames", "TP", "FP", "FN", "max|dTIR|", "wall s");
        for (ScoreRun.Outcome o : outcomes) {
            RedLightScore s = o.redLight();
            out.printf("%-28s %6d %4d %4d %4d %8.0fms %8.1f%n", o.scenario(), o.frames(), s.matches().size(),
                    s.falsePositives().size(), s.missed().size(), s.maxTimeIntoRedErrorSeconds() * 1000, o.wallSeconds());
        }
        RuleFigures r = redLight();
        out.printf("%nrule %s: precision %.3f, recall %.3f (TP %d, FP %d, missed %d); |time-into-red error| mean %.0f ms, p95 %.0f ms, max %.0f ms%n",
                r.rule(), r.precision(), r.recall(), r.truePositives(), r.falsePositives(), r.missed(),
                r.meanAbsTimeIntoRedErrorS() * 1000, r.p95AbsTimeIntoRedErrorS() * 1000, r.maxAbsTimeIntoRedErrorS() * 1000);
    }

    public String json() {
        Map<String, Object> doc = new LinkedHashMap<>();
        List<Map<String, Object>> scen = new ArrayList<>();
        for (ScoreRun.Outcome o : outcomes) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("scenario", o.scenario());
            m.put("frames", o.frames());
            m.put("truePositives", o.redLight().matches().size());
            m.put("falsePositives", o.redLight().falsePositives().size());
            m.put("missed", o.redLight().missed().size());
            m.put("maxAbsTimeIntoRedErrorS", o.redLight().maxTimeIntoRedErrorSeconds());
            scen.add(m);
        }
        doc.put("scenarios", scen);
        doc.put("rules", List.of(redLight()));
        return new String(CanonicalJson.write(doc), java.nio.charset.StandardCharsets.UTF_8);
    }
}
