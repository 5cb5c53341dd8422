package tw.enforce.runtime.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tw.enforce.runtime.config.SiteConfigLoader;
import tw.enforce.runtime.config.TestSites;
import tw.enforce.runtime.detect.BoundingBox;
import tw.enforce.runtime.detect.Detection;
import tw.enforce.runtime.detect.ObjectClass;
import tw.enforce.runtime.geometry.ImagePoint;
import tw.enforce.runtime.rule.RestrictedClassRule;
import tw.enforce.runtime.rule.RuleOutcome;
import tw.enforce.runtime.rule.SceneContext;
import tw.enforce.runtime.rule.TrackView;
import tw.enforce.runtime.track.IouTracker;
import tw.enforce.runtime.track.Track;
import tw.enforce.runtime.track.TrackerConfig;

/** The detector's class per observation, counted by the tracker, reaches the rules as votes and agreement. */
class TrackClassVotesTest {
    static final Instant T0 = Instant.parse("2026-11-26T02:00:00Z");
    static final double FPS = 15;
    @TempDir
    Path dir;

    /** A vehicle 2.0 m wide and 1.6 m tall in lane L1 at 40 km/h from y = −30 m, classed by {@code classOf(frame)}. */
    static Track follow(SiteConfigLoader.LoadedSite site, IntFunction<ObjectClass> classOf) {
        IouTracker tracker = new IouTracker(TrackerConfig.defaults(), site.imageToWorld());
        for (int i = 0; i < 4.5 * FPS; i++) {
            double y = -30 + 40 / 3.6 * i / FPS;
            ImagePoint p = TestSites.CAMERA.project(-1.5, y, 0);
            double depth = TestSites.CAMERA.depth(-1.5, y, 0);
            double w = 2.0 * TestSites.CAMERA.focalPx() / depth;
            double h = 1.6 * TestSites.CAMERA.focalPx() / depth;
            BoundingBox box = new BoundingBox(p.u() - w / 2, p.v() - h, p.u() + w / 2, p.v());
            if (box.y2() >= 719) {
                break;
            }
            tracker.update(i + 1, T0.plusNanos(Math.round(i / FPS * 1e9)), List.of(new Detection(box, classOf.apply(i), 0.9)));
        }
        tracker.finishAll();
        List<Track> done = tracker.drainFinished();
        assertEquals(1, done.size(), "one track: " + done);
        return done.get(0);
    }

    @Test
    void trackFlippingBetweenMotorcycleAndBicycleReportsTheMajorityAndItsShare() throws Exception {
        SiteConfigLoader.LoadedSite site = SiteConfigLoader.load(TestSites.write(dir, TestSites.full()));
        // two of every three detections say motorcycle
        Track t = follow(site, i -> i % 3 == 2 ? ObjectClass.BICYCLE : ObjectClass.MOTORCYCLE);
        TrackView view = new TrackViews(site).view(t);
        int motorcycle = view.classVotes().get("MOTORCYCLE");
        int bicycle = view.classVotes().get("BICYCLE");
        assertEquals("MOTORCYCLE", view.vehicleClass());
        assertEquals(2, view.classVotes().size());
        assertTrue(Math.abs(motorcycle - 2 * bicycle) <= 2, view.classVotes().toString());
        assertEquals(motorcycle / (double) (motorcycle + bicycle), view.classAgreement(), 1e-9);
        assertEquals(2 / 3.0, view.classAgreement(), 0.03);
    }

    @Test
    void restrictedClassRefusesATruckWhoseClassTheDetectorDoubted() throws Exception {
        SiteConfigLoader.LoadedSite site = SiteConfigLoader.load(TestSites.write(dir, TestSites.full()));
        RestrictedClassRule rule = RestrictedClassRule.fromSite(site.config());
        SceneContext none = new SceneContext(List.of(), List.of(), List.of());
        TrackViews views = new TrackViews(site);

        TrackView doubted = views.view(follow(site, i -> i % 10 < 7 ? ObjectClass.TRUCK : ObjectClass.BUS));
        assertEquals("TRUCK", doubted.vehicleClass());
        assertTrue(doubted.classAgreement() < 0.8, "agreement " + doubted.classAgreement());
        RuleOutcome.NoViolation n = assertInstanceOf(RuleOutcome.NoViolation.class,
                rule.decide(rule.inputFor(doubted, none).orElseThrow()));
        assertTrue(n.reason().contains("below 0.80"), n.reason());

        TrackView sure = views.view(follow(site, i -> i % 20 == 19 ? ObjectClass.BUS : ObjectClass.TRUCK));
        assertTrue(sure.classAgreement() >= 0.9, "agreement " + sure.classAgreement());
        assertEquals("RESTRICTED_CLASS",
                assertInstanceOf(RuleOutcome.Violation.class, rule.decide(rule.inputFor(sure, none).orElseThrow())).rule());
    }

    @Test
    void aTieKeepsTheClassTheTrackAlreadyHad() throws Exception {
        SiteConfigLoader.LoadedSite site = SiteConfigLoader.load(TestSites.write(dir, TestSites.full()));
        // car first, then alternating truck/car: every truck vote ties the count, never passes it
        Track t = follow(site, i -> i % 2 == 0 ? ObjectClass.CAR : ObjectClass.TRUCK);
        assertEquals(ObjectClass.CAR, t.objectClass());
        Map<ObjectClass, Integer> votes = t.classVotes();
        assertTrue(votes.get(ObjectClass.CAR) - votes.get(ObjectClass.TRUCK) <= 1, votes.toString());
    }
}
