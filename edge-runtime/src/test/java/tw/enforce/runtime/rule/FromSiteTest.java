package tw.enforce.runtime.rule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tw.enforce.runtime.config.Movement;
import tw.enforce.runtime.config.SiteConfig;
import tw.enforce.runtime.config.SiteConfigLoader;
import tw.enforce.runtime.config.TestSites;
import tw.enforce.runtime.config.Travel;
import tw.enforce.runtime.detect.ObjectClass;

/** The rules built from a real site.yaml (every section) decide as configured. */
class FromSiteTest {
    @TempDir
    Path dir;

    SiteConfig site() throws Exception {
        return SiteConfigLoader.load(TestSites.write(dir, TestSites.full())).config();
    }

    static TrackView track(String cls, List<TrajectorySample> traj) {
        return new TrackView(1, cls, 1.0, Map.of(cls, traj.size()), traj);
    }

    static final SceneContext EMPTY = new SceneContext(List.of(), List.of(), List.of());

    @Test
    void lanesCarryTheirTravelStopLineMovementsAndBannedClasses() throws Exception {
        List<LaneSpec> lanes = LaneSpec.allOf(site());
        assertEquals(List.of("L1", "L2", "L3"), lanes.stream().map(LaneSpec::id).toList());
        assertEquals(List.of(Movement.STRAIGHT, Movement.LEFT, Movement.U_TURN), lanes.get(0).movements());
        assertEquals(List.of(ObjectClass.TRUCK), lanes.get(0).bannedClasses());
        assertEquals(Travel.OPPOSITE, lanes.get(2).travel());
        assertEquals(0.0, lanes.get(2).stopLineY());
    }

    @Test
    void everyRuleIsBuiltFromTheSiteAndDecidesOnItsGeometry() throws Exception {
        SiteConfig site = site();
        // D1 runs along x = 3.5 from y = -40 to 0: a change from L2 into L3 crosses it
        LineCrossingRule line = LineCrossingRule.fromSite(site);
        List<TrajectorySample> change = LineCrossingRuleTest.laneChange(1.75, 5.25).observe(0, 6);
        assertInstanceOf(RuleOutcome.Violation.class, line.decide(line.inputFor(track("CAR", change), EMPTY).orElseThrow()));

        IllegalTurnRule turn = IllegalTurnRule.fromSite(site);
        List<TrajectorySample> left = IllegalTurnRuleTest.path(1.75, IllegalTurnRuleTest.LEFT_TURN).observe(0, 7.6);
        RuleOutcome.Violation v = assertInstanceOf(RuleOutcome.Violation.class,
                turn.decide(turn.inputFor(track("CAR", left), EMPTY).orElseThrow()));
        assertEquals(Movement.LEFT, ((TurnMeasurement) v.measurement()).movement(), "L2 allows straight and right only");

        WrongWayRule wrong = WrongWayRule.fromSite(site);
        List<TrajectorySample> up = Paths.straight(5.25, -30, 30).observe(0, 3);
        assertInstanceOf(RuleOutcome.Violation.class, wrong.decide(wrong.inputFor(track("CAR", up), EMPTY).orElseThrow()),
                "L3 travels opposite");

        RestrictedClassRule cls = RestrictedClassRule.fromSite(site);
        List<TrajectorySample> truck = Paths.straight(-1.75, -30, 40).observe(0, 4.5);
        assertInstanceOf(RuleOutcome.Violation.class, cls.decide(cls.inputFor(track("TRUCK", truck), EMPTY).orElseThrow()));
        assertTrue(cls.inputFor(track("CAR", truck), EMPTY).isEmpty());

        NoStoppingRule parking = NoStoppingRule.fromSite(site);
        List<TrajectorySample> parked = NoStoppingRuleTest.parks(4.75, 80, -20).observe(0, 80);
        assertInstanceOf(RuleOutcome.Violation.class, parking.decide(parking.inputFor(track("CAR", parked), EMPTY).orElseThrow()));

        YieldRule yield = YieldRule.fromSite(site);
        SceneContext walker = new SceneContext(List.of(), List.of(YieldRuleTest.walker(-5.0, 2)), List.of());
        List<TrajectorySample> car = Paths.straight(1.75, -40, 30).observe(0, 8);
        assertInstanceOf(RuleOutcome.Violation.class, yield.decide(yield.inputFor(track("CAR", car), walker).orElseThrow()));
    }

    @Test
    void ruleWhoseSectionIsAbsentRefusesToBuildNamingTheSection() throws Exception {
        SiteConfig full = site();
        SiteConfig bare = new SiteConfig(full.unit(), full.camera(), full.calibration(), full.approach(), full.signal(),
                new SiteConfig.Rules(full.rules().redLight()), full.evidence(), full.hardware(), full.perception());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> YieldRule.fromSite(bare));
        assertTrue(e.getMessage().contains("rules.yield"), e.getMessage());
    }

    @Test
    void registryEnablesEachRuleWithItsSectionAndReplaysEveryOne() throws Exception {
        List<String> mine = List.of("YIELD", "LINE_CROSSING", "ILLEGAL_TURN", "WRONG_WAY", "RESTRICTED_CLASS", "NO_STOPPING");
        assertTrue(RuleRegistry.forSite(site()).names().containsAll(mine));
        String redOnly = TestSites.full().substring(0, TestSites.full().indexOf("  speed:"));
        List<String> none = RuleRegistry.forSite(SiteConfigLoader.load(TestSites.write(dir, redOnly)).config()).names();
        assertTrue(none.stream().noneMatch(mine::contains), none.toString());
        for (String name : mine) {
            assertEquals(name, RuleRegistry.forReplay().find(name).orElseThrow().name());
        }
    }
}
