package tw.enforce.sim.demo;

import java.util.EnumSet;
import java.util.Set;
import tw.enforce.runtime.config.SiteConfigLoader;
import tw.enforce.runtime.rule.RuleRegistry;
import tw.enforce.sim.truth.RuleId;

/**
 * Which rules the unit under test actually decides for a site — those its rule registry enables —
 * so the scorer can tell "missed" from "not decided by this unit". A registry name the simulator
 * does not know is refused: its cases could not be scored.
 */
final class UnitRules {
    private UnitRules() {
    }

    static Set<RuleId> decidedBy(SiteConfigLoader.LoadedSite site) {
        Set<RuleId> out = EnumSet.noneOf(RuleId.class);
        for (String name : RuleRegistry.forSite(site.config()).names()) {
            RuleId id = RuleId.ofManifest(name);
            if (id == null) {
                throw new IllegalStateException("the unit's rule registry enables '" + name + "', which the simulator cannot score");
            }
            out.add(id);
        }
        return out;
    }
}
