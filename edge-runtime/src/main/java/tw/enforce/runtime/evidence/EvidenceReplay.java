package tw.enforce.runtime.evidence;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;
import tw.enforce.runtime.rule.RuleOutcome;
import tw.enforce.runtime.rule.RuleRegistry;
import tw.enforce.runtime.rule.ViolationRule;
import tw.enforce.sync.protocol.CanonicalJson;

/**
 * Re-runs a package's rule on the decision input recorded in its manifest and compares the
 * measurement it yields with the recorded one, byte for byte in canonical JSON. Every rule's
 * {@code decide} is a pure function, so any difference means the rule (software version) or the
 * record differs; the differences are listed field by field.
 */
public final class EvidenceReplay {
    private EvidenceReplay() {
    }

    public record Outcome(RuleOutcome outcome, List<String> differences) {
        public boolean matches() {
            return differences.isEmpty();
        }
    }

    public static Outcome replay(EvidenceManifest m) {
        return replay(m, RuleRegistry.forReplay());
    }

    public static Outcome replay(EvidenceManifest m, RuleRegistry rules) {
        ViolationRule<?> rule = rules.find(m.rule()).orElseThrow(() -> new IllegalArgumentException("package "
                + m.packageId() + ": rule " + m.rule() + " is not one this software can replay " + RuleRegistry.knownNames()));
        if (m.decisionInput() == null || m.measurement() == null) {
            throw new IllegalArgumentException("package " + m.packageId() + ": no decision input or measurement recorded");
        }
        RuleOutcome o = decide(rule, m.decisionInput());
        List<String> diff = new ArrayList<>();
        if (!(o instanceof RuleOutcome.Violation v)) {
            diff.add("replay finds no violation: " + ((RuleOutcome.NoViolation) o).reason());
            return new Outcome(o, diff);
        }
        if (!Objects.equals(v.rule(), m.rule())) {
            diff.add("rule recorded " + m.rule() + ", replayed " + v.rule());
        }
        if (!Objects.equals(v.lane(), m.lane())) {
            diff.add("lane recorded " + m.lane() + ", replayed " + v.lane());
        }
        JsonNode replayed = CanonicalJson.mapper().valueToTree(Measurements.of(v));
        JsonNode recorded = m.measurement();
        if (!java.util.Arrays.equals(CanonicalJson.write(recorded), CanonicalJson.write(replayed))) {
            TreeSet<String> keys = new TreeSet<>();
            recorded.fieldNames().forEachRemaining(keys::add);
            replayed.fieldNames().forEachRemaining(keys::add);
            for (String k : keys) {
                String a = recorded.has(k) ? new String(CanonicalJson.write(recorded.get(k))) : "(absent)";
                String b = replayed.has(k) ? new String(CanonicalJson.write(replayed.get(k))) : "(absent)";
                if (!a.equals(b)) {
                    diff.add(k + " recorded " + a + ", replayed " + b);
                }
            }
            if (diff.isEmpty()) {
                diff.add("measurement differs in its encoding");
            }
        }
        return new Outcome(o, diff);
    }

    private static <I> RuleOutcome decide(ViolationRule<I> rule, JsonNode input) {
        I in;
        try {
            in = CanonicalJson.mapper().treeToValue(input, rule.inputType());
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("decision input is not a " + rule.inputType().getSimpleName() + ": "
                    + e.getOriginalMessage(), e);
        }
        return rule.decide(in);
    }
}
