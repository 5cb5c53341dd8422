package tw.enforce.runtime.rule;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import tw.enforce.runtime.config.SiteConfig;

/**
 * The rules a site enables, in evaluation order, and the lookup by manifest rule id that replay
 * uses. A rule joins by one {@link Entry} line in {@link #ENTRIES}: its id and how to build it for
 * a site (empty when the site does not enable it). Replay needs no site: {@code decide} is a pure
 * function of the recorded input, so any instance of the rule decides it the same way; replay uses
 * the instance built from the site at hand, or else {@link Entry#forReplay}.
 */
public final class RuleRegistry {

    /** How a rule is made: for a site (empty = disabled there) and, for replay, without one. */
    public record Entry(String name, Function<SiteConfig, Optional<ViolationRule<?>>> forSite,
                        java.util.function.Supplier<ViolationRule<?>> forReplay) {
    }

    private static final List<Entry> ENTRIES = List.of(
            new Entry(RedLightViolationRule.NAME, site -> Optional.of(RedLightViolationRule.fromSite(site)),
                    () -> new RedLightViolationRule(new RedLightSettings(0, 1, 0))),
            new Entry(SpeedRule.NAME, site -> site.rules().speed() == null ? Optional.empty()
                    : Optional.of(SpeedRule.fromSite(site)),
                    () -> new SpeedRule(new tw.enforce.runtime.config.RuleSettings.Speed(0, 10, null, null), List.of())));

    private final List<ViolationRule<?>> rules;

    private RuleRegistry(List<ViolationRule<?>> rules) {
        this.rules = List.copyOf(rules);
    }

    public static RuleRegistry forSite(SiteConfig site) {
        List<ViolationRule<?>> enabled = new ArrayList<>();
        for (Entry e : ENTRIES) {
            e.forSite().apply(site).ifPresent(enabled::add);
        }
        return new RuleRegistry(enabled);
    }

    /** Every known rule, for replaying packages without their site file. */
    public static RuleRegistry forReplay() {
        return new RuleRegistry(ENTRIES.stream().<ViolationRule<?>>map(e -> e.forReplay().get()).toList());
    }

    /** The enabled rules, in evaluation order. */
    public List<ViolationRule<?>> rules() {
        return rules;
    }

    public List<String> names() {
        return rules.stream().map(ViolationRule::name).toList();
    }

    public Optional<ViolationRule<?>> find(String name) {
        return rules.stream().filter(r -> r.name().equals(name)).findFirst();
    }

    /** Every rule id this build knows, enabled or not. */
    public static List<String> knownNames() {
        return ENTRIES.stream().map(Entry::name).toList();
    }
}
