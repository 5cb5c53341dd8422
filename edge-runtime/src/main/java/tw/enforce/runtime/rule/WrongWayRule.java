package tw.enforce.runtime.rule;

import java.util.List;
import java.util.Optional;

/**
 * WRONG_WAY: in one lane, the vehicle moves at least {@code minDistanceM} against the lane's travel.
 * The distance is measured on the smoothed path from the most lawful point of an uninterrupted stay
 * in the lane (at least {@value #LANE_INSET_M} m inside it, so a lawful vehicle hugging the line of an
 * opposite lane is never in it), restarting when the vehicle leaves the lane, enters the junction or
 * the track jumps; at the moment the distance is reached the vehicle must be moving against the lane
 * at {@value #MIN_AGAINST_MPS} m/s or more (a standing vehicle's jitter is not travel).
 */
public final class WrongWayRule implements ViolationRule<WrongWayInput> {
    public static final String NAME = "WRONG_WAY";
    static final double LANE_INSET_M = 0.3;
    static final double MIN_AGAINST_MPS = 1.0;
    private static final double VELOCITY_WINDOW_S = 0.5;

    private final WrongWaySettings settings;

    public WrongWayRule(WrongWaySettings settings) {
        if (settings.lanes().isEmpty()) {
            throw new IllegalArgumentException("WRONG_WAY needs at least one lane");
        }
        this.settings = settings;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Class<WrongWayInput> inputType() {
        return WrongWayInput.class;
    }

    @Override
    public Optional<WrongWayInput> inputFor(TrackView track, SceneContext scene) {
        return Optional.of(new WrongWayInput(track.trackId(), track.trajectory(), settings));
    }

    @Override
    public RuleOutcome decide(WrongWayInput in) {
        SmoothedPath p = SmoothedPath.of(in.trajectory());
        double need = in.settings().minDistanceM();
        LaneSpec lane = null;
        int anchor = -1;
        for (int k = 0; k < p.size(); k++) {
            LaneSpec here = laneOf(in.settings().lanes(), p.x[k], p.y[k]);
            if (here == null || !here.equals(lane) || p.jumpsAt(k)) {
                lane = here;
                anchor = k;
                continue;
            }
            int s = lane.travel().sign();
            if (s * p.y[k] > s * p.y[anchor]) {
                anchor = k;
            }
            double against = s * (p.y[anchor] - p.y[k]);
            if (against < need) {
                continue;
            }
            double speedAgainst = -s * p.velocity(k, VELOCITY_WINDOW_S)[1];
            if (!(speedAgainst >= MIN_AGAINST_MPS)) {
                continue;
            }
            int j = anchor + 1;
            while (s * (p.y[anchor] - p.y[j]) < need) {
                j++;
            }
            double f = SmoothedPath.fraction(s * (p.y[anchor] - p.y[j - 1]), s * (p.y[anchor] - p.y[j]), need);
            double at = p.t[j - 1] + f * (p.t[j] - p.t[j - 1]);
            double ex = p.x[j - 1] + f * (p.x[j] - p.x[j - 1]);
            double ey = p.y[j - 1] + f * (p.y[j] - p.y[j - 1]);
            var eventTime = p.instant(at);
            var m = new WrongWayMeasurement(eventTime, lane.id(), lane.travel(), p.at(anchor), p.x[anchor], p.y[anchor],
                    ex, ey, need, speedAgainst * 3.6);
            List<FrameRef> frames = List.of(new FrameRef(p.frame(anchor), "wrong-way-start"),
                    new FrameRef(p.frame((anchor + j) / 2), "wrong-way-midway"),
                    new FrameRef(p.frame(j), "wrong-way-distance-reached"));
            return new RuleOutcome.Violation(NAME, eventTime, lane.id(), Double.NaN, false, m, frames);
        }
        return new RuleOutcome.NoViolation("not seen moving " + need + " m against a lane's travel");
    }

    private static LaneSpec laneOf(List<LaneSpec> lanes, double x, double y) {
        for (LaneSpec l : lanes) {
            if (l.holds(x, LANE_INSET_M) && y <= l.stopLineY()) {
                return l;
            }
        }
        return null;
    }
}
