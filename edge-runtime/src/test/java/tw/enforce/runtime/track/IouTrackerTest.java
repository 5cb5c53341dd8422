package tw.enforce.runtime.track;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tw.enforce.runtime.detect.BoundingBox;
import tw.enforce.runtime.detect.Detection;
import tw.enforce.runtime.detect.ObjectClass;
import tw.enforce.runtime.geometry.Homography;
import tw.enforce.runtime.geometry.ImagePoint;
import tw.enforce.runtime.geometry.PointPair;
import tw.enforce.runtime.geometry.WorldPoint;

class IouTrackerTest {
    private static final Instant T0 = Instant.parse("2026-11-26T10:00:00Z");
    private final TrackerConfig config = new TrackerConfig(0.5, 0.1, 0.5, 0.2, 0.5, 3, 5, 0.7, 0.5, 3000);

    private static Detection det(ObjectClass c, double x, double y, double w, double h, double score) {
        return new Detection(new BoundingBox(x, y, x + w, y + h), c, score);
    }

    private static Detection car(double x, double y) {
        return det(ObjectClass.CAR, x, y, 60, 40, 0.9);
    }

    private static Instant at(long seq) {
        return T0.plusMillis(40 * seq);
    }

    private static Track byId(List<Track> tracks, long id) {
        return tracks.stream().filter(t -> t.id() == id).findFirst().orElseThrow(() -> new AssertionError("no track " + id + " in " + tracks));
    }

    @Test
    void twoCarsCrossingEachOthersPathKeepTheirIds() {
        IouTracker tracker = new IouTracker(config);
        List<Track> tracks = List.of();
        // A drives right, B drives left 10 px lower: they overlap almost fully around frame 15
        for (int f = 0; f < 30; f++) {
            tracks = tracker.update(f, at(f), List.of(car(100 + 10 * f, 200), car(400 - 10 * f, 210)));
        }

        assertEquals(2, tracks.size());
        for (Track t : tracks) {
            double firstX = t.first().box().x1();
            double lastX = t.last().box().x1();
            double travelled = lastX - firstX;
            assertEquals(firstX < 200 ? 290 : -290, travelled, 1e-9, "track " + t.id() + " swapped objects");
            assertEquals(30, t.points().size());
        }
    }

    @Test
    void lowScoreDetectionsMoveATrackButDoNotVoteOnItsClass() {
        IouTracker tracker = new IouTracker(config);
        List<Track> tracks = List.of();
        for (int f = 0; f < 5; f++) {
            tracks = tracker.update(f, at(f), List.of(car(100 + 5 * f, 200)));
        }
        // at night the detector keeps finding it, unsure, and mostly calls it a truck
        for (int f = 5; f < 25; f++) {
            tracks = tracker.update(f, at(f), List.of(det(ObjectClass.TRUCK, 100 + 5 * f, 200, 60, 40, 0.3)));
        }

        Track t = tracks.get(0);
        assertEquals(25, t.points().size(), "the low-score boxes extended the track");
        assertEquals(ObjectClass.CAR, t.objectClass());
        assertEquals(java.util.Map.of(ObjectClass.CAR, 5), t.classVotes(), "20 unsure truck boxes are no witness to a truck");
        assertEquals(1.0, t.classAgreement());
    }

    @Test
    void trackSurvivesThreeMissedFramesAndKeepsItsId() {
        IouTracker tracker = new IouTracker(config);
        for (int f = 0; f < 10; f++) {
            tracker.update(f, at(f), List.of(car(100 + 15 * f, 300)));
        }
        long id = tracker.update(10, at(10), List.of(car(250, 300))).get(0).id();
        List<Track> during = List.of();
        for (int f = 11; f <= 13; f++) {
            during = tracker.update(f, at(f), List.of());
        }
        assertEquals(TrackStatus.LOST, during.get(0).status());

        List<Track> after = tracker.update(14, at(14), List.of(car(100 + 15 * 14, 300)));

        assertEquals(1, after.size());
        assertEquals(id, after.get(0).id());
        assertEquals(TrackStatus.CONFIRMED, after.get(0).status());
        assertEquals(12, after.get(0).points().size(), "observations only, no predicted points");
        assertTrue(tracker.drainFinished().isEmpty());
    }

    @Test
    void trackIsFinishedAfterTooManyMissesAndDrainedOnce() {
        IouTracker tracker = new IouTracker(config);
        for (int f = 0; f < 5; f++) {
            tracker.update(f, at(f), List.of(car(100, 100)));
        }
        for (int f = 5; f < 10; f++) {
            assertEquals(1, tracker.update(f, at(f), List.of()).size(), "still active while lost, frame " + f);
            assertTrue(tracker.drainFinished().isEmpty());
        }

        List<Track> active = tracker.update(10, at(10), List.of());

        assertTrue(active.isEmpty());
        List<Track> done = tracker.drainFinished();
        assertEquals(1, done.size());
        assertEquals(TrackStatus.FINISHED, done.get(0).status());
        assertEquals(5, done.get(0).points().size());
        assertEquals(at(4), done.get(0).last().at());
        assertTrue(tracker.drainFinished().isEmpty());
    }

    @Test
    void singleFrameFalsePositiveNeverBecomesATrack() {
        IouTracker tracker = new IouTracker(config);
        assertTrue(tracker.update(0, at(0), List.of(car(100, 100))).isEmpty());
        assertTrue(tracker.update(1, at(1), List.of()).isEmpty());
        tracker.finishAll();
        assertTrue(tracker.drainFinished().isEmpty());
    }

    @Test
    void trackIsReportedOnlyOnceConfirmed() {
        IouTracker tracker = new IouTracker(config);
        assertTrue(tracker.update(0, at(0), List.of(car(100, 100))).isEmpty());
        assertTrue(tracker.update(1, at(1), List.of(car(105, 100))).isEmpty());
        assertEquals(1, tracker.update(2, at(2), List.of(car(110, 100))).size());
    }

    @Test
    void personIsNeverAssociatedWithAVehicleTrack() {
        IouTracker tracker = new IouTracker(config);
        for (int f = 0; f < 4; f++) {
            tracker.update(f, at(f), List.of(car(100, 100)));
        }
        List<Track> tracks = List.of();
        for (int f = 4; f < 7; f++) {
            tracks = tracker.update(f, at(f), List.of(det(ObjectClass.PERSON, 100, 100, 60, 40, 0.9)));
        }

        assertEquals(2, tracks.size());
        assertEquals(ObjectClass.CAR, byId(tracks, 1).objectClass());
        assertEquals(TrackStatus.LOST, byId(tracks, 1).status());
        assertEquals(ObjectClass.PERSON, byId(tracks, 2).objectClass());
    }

    @Test
    void vehicleClassIsTheMajorityOfItsDetections() {
        IouTracker tracker = new IouTracker(config);
        ObjectClass[] seen = {ObjectClass.TRUCK, ObjectClass.CAR, ObjectClass.CAR, ObjectClass.TRUCK, ObjectClass.CAR};
        List<Track> tracks = List.of();
        for (int f = 0; f < seen.length; f++) {
            tracks = tracker.update(f, at(f), List.of(det(seen[f], 100 + f, 100, 60, 40, 0.8)));
        }
        assertEquals(1, tracks.size());
        assertEquals(ObjectClass.CAR, tracks.get(0).objectClass());
    }

    @Test
    void lowScoreDetectionsExtendATrackButStartNone() {
        IouTracker tracker = new IouTracker(config);
        for (int f = 0; f < 3; f++) {
            tracker.update(f, at(f), List.of(car(100 + 5 * f, 100)));
        }
        List<Track> tracks = List.of();
        for (int f = 3; f < 8; f++) {
            tracks = tracker.update(f, at(f), List.of(det(ObjectClass.CAR, 100 + 5 * f, 100, 60, 40, 0.3),
                    det(ObjectClass.CAR, 500, 300, 60, 40, 0.3)));
        }

        assertEquals(1, tracks.size());
        assertEquals(TrackStatus.CONFIRMED, tracks.get(0).status());
        assertEquals(8, tracks.get(0).points().size());
    }

    @Test
    void oneVehicleReportedAsCarAndTruckGivesOneTrack() {
        IouTracker tracker = new IouTracker(config);
        List<Track> tracks = List.of();
        for (int f = 0; f < 5; f++) {
            tracks = tracker.update(f, at(f), List.of(det(ObjectClass.CAR, 100 + 5 * f, 100, 60, 40, 0.8),
                    det(ObjectClass.TRUCK, 101 + 5 * f, 101, 60, 40, 0.6)));
        }
        assertEquals(1, tracks.size());
    }

    @Test
    void groundPointsAreTheBoxBottomCentreThroughTheHomography() {
        // a perspective view of a 10 m wide, 40 m long stretch of road
        List<PointPair> survey = List.of(
                new PointPair(new ImagePoint(100, 700), new WorldPoint(0, 0)),
                new PointPair(new ImagePoint(1180, 700), new WorldPoint(10, 0)),
                new PointPair(new ImagePoint(540, 200), new WorldPoint(0, 40)),
                new PointPair(new ImagePoint(740, 200), new WorldPoint(10, 40)));
        Homography h = Homography.imageToWorld(survey);
        IouTracker tracker = new IouTracker(config, h);
        List<Track> tracks = List.of();
        for (int f = 0; f < 3; f++) {
            tracks = tracker.update(f, at(f), List.of(det(ObjectClass.CAR, 580, 560 - 20 * f, 120, 80, 0.9)));
        }

        TrackPoint last = tracks.get(0).last();
        assertEquals(640, last.box().groundX(), 1e-9);
        WorldPoint expected = h.toWorld(new ImagePoint(640, 600));
        assertEquals(expected, last.ground());
        assertEquals(5, last.ground().x(), 0.01, "bottom centre of a box centred on the road is mid-road");
        assertTrue(last.ground().y() > tracks.get(0).first().ground().y() - 1e-9);
        assertTrue(tracks.get(0).first().ground().y() < last.ground().y(), "moving up the image is moving away");
    }

    @Test
    void withoutHomographyGroundIsNull() {
        IouTracker tracker = new IouTracker(config);
        List<Track> tracks = List.of();
        for (int f = 0; f < 3; f++) {
            tracks = tracker.update(f, at(f), List.of(car(100, 100)));
        }
        assertNull(tracks.get(0).last().ground());
    }

    @Test
    void finishAllEndsActiveTracks() {
        IouTracker tracker = new IouTracker(config);
        for (int f = 0; f < 3; f++) {
            tracker.update(f, at(f), List.of(car(100, 100), car(400, 100)));
        }
        tracker.finishAll();
        List<Track> done = tracker.drainFinished();
        assertEquals(List.of(1L, 2L), done.stream().map(Track::id).toList());
        assertTrue(tracker.update(3, at(3), List.of()).isEmpty());
    }

    @Test
    void frameSequenceMustIncrease() {
        IouTracker tracker = new IouTracker(config);
        tracker.update(5, at(5), List.of());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> tracker.update(5, at(5), List.of()));
        assertTrue(e.getMessage().contains("5"));
    }

    @Test
    void objectSpeedingUpBeyondItsOwnOverlapIsFollowedThroughPrediction() {
        // a 40 px box accelerating to 30 px per frame: consecutive boxes then overlap by IoU 0.14 < matchIou
        IouTracker tracker = new IouTracker(config);
        List<Track> tracks = new ArrayList<>();
        double x = 10;
        for (int f = 0; f < 20; f++) {
            tracks = tracker.update(f, at(f), List.of(det(ObjectClass.PERSON, x, 300, 40, 40, 0.9)));
            x += Math.min(30, f < 5 ? 10 : 10 + 5 * (f - 4));
        }
        assertEquals(1, tracks.size());
        assertEquals(20, tracks.get(0).points().size());
    }

    @Test
    void veryLongTrackKeepsItsFirstAndMostRecentPoints() {
        IouTracker tracker = new IouTracker(new TrackerConfig(0.5, 0.1, 0.5, 0.2, 0.5, 1, 5, 0.7, 0.5, 10));
        List<Track> tracks = List.of();
        for (int f = 0; f < 50; f++) {
            tracks = tracker.update(f, at(f), List.of(car(100, 100)));
        }
        Track t = tracks.get(0);
        assertEquals(10, t.points().size());
        assertEquals(0, t.first().frameSequence());
        assertEquals(49, t.last().frameSequence());
        assertEquals(41, t.points().get(1).frameSequence());
    }

    @Test
    void standingCarWithFlickeringLowScoresKeepsItsId() {
        // at night a car waiting at the stop line is found at 0.25-0.45 and missed every third frame
        IouTracker tracker = new IouTracker(config);
        for (int f = 0; f < 5; f++) {
            tracker.update(f, at(f), List.of(det(ObjectClass.CAR, 400, 300, 150, 90, 0.8)));
        }
        long id = tracker.update(5, at(5), List.of(det(ObjectClass.CAR, 400, 300, 150, 90, 0.8))).get(0).id();
        for (int f = 6; f < 60; f++) {
            double jitter = (f % 2 == 0 ? 2 : -2);
            List<Detection> seen = f % 3 == 0 ? List.of()
                    : List.of(det(ObjectClass.CAR, 400 + jitter, 300 - jitter, 150, 90, 0.25 + 0.2 * ((f * 7) % 10) / 10.0));
            tracker.update(f, at(f), seen);
        }

        List<Track> tracks = tracker.update(60, at(60), List.of(det(ObjectClass.CAR, 400, 300, 150, 90, 0.8)));

        assertEquals(1, tracks.size(), "no second track on the same car: " + tracks);
        assertEquals(id, tracks.get(0).id());
        assertEquals(TrackStatus.CONFIRMED, tracks.get(0).status());
        assertTrue(tracker.drainFinished().isEmpty(), "the car's track never ended");
    }

    @Test
    void lowScoreCarIsNotRobbedOfItsTrackByAHighScoreNeighbour() {
        // car A stands; its score drops to 0.4 while car B, found at 0.8, creeps past just behind it,
        // overlapping A's box by IoU 0.27 to 0.44
        IouTracker tracker = new IouTracker(config);
        for (int f = 0; f < 5; f++) {
            tracker.update(f, at(f), List.of(det(ObjectClass.CAR, 400, 300, 150, 100, 0.8)));
        }
        long a = tracker.update(5, at(5), List.of(det(ObjectClass.CAR, 400, 300, 150, 100, 0.8))).get(0).id();
        List<Track> tracks = List.of();
        for (int f = 6; f < 14; f++) {
            tracks = tracker.update(f, at(f), List.of(det(ObjectClass.CAR, 400, 300, 150, 100, 0.4),
                    det(ObjectClass.CAR, 330 + 5 * (f - 6), 280, 150, 100, 0.8)));
        }

        Track trackOfA = byId(tracks, a);
        assertEquals(TrackStatus.CONFIRMED, trackOfA.status());
        for (TrackPoint p : trackOfA.points()) {
            assertEquals(400, p.box().x1(), 1e-9, "A's track took B's box in frame " + p.frameSequence());
        }
        assertEquals(2, tracks.size(), "B has a track of its own: " + tracks);
    }
}
