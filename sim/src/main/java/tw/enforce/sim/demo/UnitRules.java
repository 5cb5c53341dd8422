package tw.enforce.sim.demo;

import java.util.EnumSet;
import java.util.Set;
import tw.enforce.runtime.config.SiteConfigLoader;
import tw.enforce.sim.truth.RuleId;

/**
 * Which rules the unit under test actually decides for a site, so the scorer can tell "missed"
 * from "not decided by this unit". The runtime this module builds against decides RED_LIGHT only;
 * when its rule registry lists more, this is the one place to ask it.
 */
final class UnitRules {
    private UnitRules() {
    }

    static Set<RuleId> decidedBy(SiteConfigLoader.LoadedSite site) {
        return EnumSet.of(RuleId.RED_LIGHT);
    }
}
