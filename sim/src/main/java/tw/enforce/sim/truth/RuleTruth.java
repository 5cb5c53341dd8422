package tw.enforce.sim.truth;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import tw.enforce.runtime.detect.BoundingBox;
import tw.enforce.runtime.geometry.CameraModel;
import tw.enforce.sim.scenario.LaneSpec;
import tw.enforce.sim.scenario.Markings.CrosswalkArea;
import tw.enforce.sim.scenario.Markings.DoubleLine;
import tw.enforce.sim.scenario.Markings.Junction;
import tw.enforce.sim.scenario.Markings.NoStoppingZone;
import tw.enforce.sim.scenario.Movement;
import tw.enforce.sim.scenario.RoadSpec;
import tw.enforce.sim.scenario.RulesSpec;
import tw.enforce.sim.scenario.Scenario;
import tw.enforce.sim.scenario.Travel;
import tw.enforce.sim.scene.ActorProjection;
import tw.enforce.sim.scene.ActorState;
import tw.enforce.sim.world.PedestrianMotion;
import tw.enforce.sim.world.VehicleMotion;
import tw.enforce.sim.world.World;

/**
 * The offences of every enabled rule other than the red light, from the planned motions, with
 * exactly the definitions of the round-3 rule contract (front bumper = the vehicle's ground point).
 * Only what happens within the run counts: an offence whose decisive instant or completion lies
 * after the end is not one.
 */
final class RuleTruth {
    private static final double STEP_S = 0.01;

    private final World world;
    private final Scenario s;
    private final RoadSpec road;
    private final RulesSpec rules;
    private final double end;

    RuleTruth(World world) {
        this.world = world;
        this.s = world.scenario();
        this.road = s.road();
        this.rules = s.rules();
        this.end = s.durationSeconds();
    }

    /** How the vehicle left the junction after crossing the stop line at {@code tStop}, or null if not within the run. */
    Movement movementAfter(VehicleMotion m, double tStop) {
        Junction j = road.junctionOrDefault();
        double from = tStop + 0.05;
        double to = Math.min(m.leaveAt(), end);
        double best = Double.POSITIVE_INFINITY;
        Movement out = null;
        double[] times = {
            first(m, t -> j.xMin() - m.frontX(t), from, to),
            first(m, t -> m.frontX(t) - j.xMax(), from, to),
            first(m, t -> m.frontY(t) - road.exitLineY(), from, to),
            first(m, t -> road.stopLineY() - m.frontY(t) - 1e-9, from, to)};
        Movement[] kinds = {Movement.LEFT, Movement.RIGHT, Movement.STRAIGHT, Movement.U_TURN};
        for (int i = 0; i < times.length; i++) {
            if (times[i] < best) {
                best = times[i];
                out = kinds[i];
            }
        }
        return out;
    }

    List<Offence> offences(List<SpeedPass> passes) {
        List<Offence> out = new ArrayList<>();
        for (VehicleMotion m : world.vehicles()) {
            if (rules.speed() != null) {
                speed(m, passes, out);
            }
            if (rules.yield() != null) {
                yieldTo(m, out);
            }
            if (rules.lineCrossing() != null) {
                lineCrossing(m, out);
            }
            if (rules.turn() != null) {
                turn(m, out);
            }
            if (rules.wrongWay() != null) {
                wrongWay(m, out);
            }
            if (rules.restrictedClass() != null) {
                restrictedClass(m, out);
            }
            if (rules.noStopping() != null) {
                noStopping(m, out);
            }
        }
        out.sort((a, b) -> Double.compare(a.eventSeconds(), b.eventSeconds()));
        return out;
    }

    private void speed(VehicleMotion m, List<SpeedPass> passes, List<Offence> out) {
        RulesSpec.Speed sp = rules.speed();
        if (m.travel() != Travel.APPROACH) {
            return;
        }
        double t0 = crossing(m, sp.fromY());
        double t1 = crossing(m, sp.toY());
        double tm = crossing(m, sp.middleY());
        if (Double.isNaN(t0) || Double.isNaN(t1) || Double.isNaN(tm)) {
            return;
        }
        String lane = road.laneAt(m.frontX(tm));
        if (lane == null) {
            return;
        }
        double mean = (sp.toY() - sp.fromY()) / (t1 - t0) * 3.6;
        double limit = road.lane(lane).limitFor(m.spec().kind());
        passes.add(new SpeedPass(m.id(), m.spec().kind().name(), lane, tm, mean, limit));
        if (!Double.isNaN(limit) && mean > limit + sp.marginKmh()) {
            out.add(offence(RuleId.SPEED, m, lane, tm, mean, String.format("%.1f km/h in a %.0f km/h lane", mean, limit)));
        }
    }

    private void yieldTo(VehicleMotion m, List<Offence> out) {
        double d = rules.yield().conflictDistanceM();
        for (CrosswalkArea cw : road.crosswalks()) {
            double tIn = crossing(m, cw.yMin());
            if (Double.isNaN(tIn)) {
                continue;
            }
            double to = Math.min(Math.min(m.leaveAt(), end), tIn + 60);
            for (double t = tIn; t <= to; t += STEP_S) {
                double vy = m.frontY(t);
                if (vy > cw.yMax() || vy < cw.yMin() - 1e-6) {
                    break;
                }
                double vx = m.frontX(t);
                for (PedestrianMotion p : world.pedestrians()) {
                    if (!p.presentAt(t)) {
                        continue;
                    }
                    ActorState ps = p.stateAt(t);
                    if (cw.contains(ps.x(), ps.y()) && Math.abs(ps.x() - vx) <= d) {
                        out.add(offence(RuleId.YIELD, m, road.laneAt(m.frontX(tIn)), tIn, Double.NaN,
                                String.format("%s on %s %.1f m from the vehicle at %.2f s", p.id(), cw.id(), Math.abs(ps.x() - vx), t)));
                        return;
                    }
                }
            }
        }
    }

    private void lineCrossing(VehicleMotion m, List<Offence> out) {
        double to = Math.min(m.leaveAt(), end);
        double best = Double.NaN;
        DoubleLine bestLine = null;
        for (DoubleLine line : road.doubleLines()) {
            double prevT = m.enterAt();
            double prev = line.side(m.frontX(prevT), m.frontY(prevT));
            for (double t = prevT + STEP_S; t <= to; t += STEP_S) {
                double side = line.side(m.frontX(t), m.frontY(t));
                if (prev != 0 && side != 0 && Math.signum(side) != Math.signum(prev)) {
                    double lo = prevT;
                    double hi = t;
                    for (int i = 0; i < 40; i++) {
                        double mid = (lo + hi) / 2;
                        double sm = line.side(m.frontX(mid), m.frontY(mid));
                        if (Math.signum(sm) == Math.signum(prev)) {
                            lo = mid;
                        } else {
                            hi = mid;
                        }
                    }
                    double along = line.along(m.frontX(hi), m.frontY(hi));
                    if (along >= 0 && along <= 1) {
                        if (Double.isNaN(best) || hi < best) {
                            best = hi;
                            bestLine = line;
                        }
                        break;
                    }
                }
                if (side != 0) {
                    prev = side;
                    prevT = t;
                }
            }
        }
        if (!Double.isNaN(best)) {
            out.add(offence(RuleId.LINE_CROSSING, m, road.laneAt(m.frontX(best)), best, Double.NaN, "crossed " + bestLine.id()));
        }
    }

    private void turn(VehicleMotion m, List<Offence> out) {
        if (m.travel() != Travel.APPROACH) {
            return;
        }
        double tStop = crossing(m, road.stopLineY());
        if (Double.isNaN(tStop)) {
            return;
        }
        String lane = road.laneAt(m.frontX(tStop));
        Movement mv = movementAfter(m, tStop);
        if (lane == null || mv == null) {
            return;
        }
        LaneSpec l = road.lane(lane);
        if (!l.movements().contains(mv)) {
            out.add(offence(RuleId.ILLEGAL_TURN, m, lane, tStop, Double.NaN, mv.name()));
        }
    }

    /**
     * Counted from when the vehicle is first wholly in the image, in a lane, moving against that
     * lane's travel: the unit cannot know where it was before.
     */
    private void wrongWay(VehicleMotion m, List<Offence> out) {
        CameraModel cam = s.cameraModel();
        double minD = rules.wrongWay().minDistanceM();
        double to = Math.min(m.leaveAt(), end);
        double startY = Double.NaN;
        for (double t = m.enterAt(); t <= to; t += STEP_S) {
            double y = m.frontY(t);
            String lane = road.laneAt(m.frontX(t));
            double vy = m.frontY(t + 0.02) - y;
            BoundingBox box = ActorProjection.imageBox(cam, m.stateAt(t));
            boolean against = lane != null && vy * road.lane(lane).travel().sign() < -1e-4
                    && ActorProjection.fullyVisible(box, cam.imageWidth(), cam.imageHeight());
            if (!against) {
                startY = Double.NaN;
                continue;
            }
            if (Double.isNaN(startY)) {
                startY = y;
            } else if (Math.abs(y - startY) >= minD) {
                out.add(offence(RuleId.WRONG_WAY, m, lane, t, Double.NaN,
                        String.format("against lane %s's travel from y=%.1f", lane, startY)));
                return;
            }
        }
    }

    private void restrictedClass(VehicleMotion m, List<Offence> out) {
        double checkY = rules.restrictedClass().checkY() != null ? rules.restrictedClass().checkY() : road.stopLineY();
        if (m.travel() != Travel.APPROACH) {
            return;
        }
        double t = crossing(m, checkY);
        if (Double.isNaN(t)) {
            return;
        }
        String lane = road.laneAt(m.frontX(t));
        if (lane != null && road.lane(lane).bannedClasses().contains(m.spec().kind())) {
            out.add(offence(RuleId.RESTRICTED_CLASS, m, lane, t, Double.NaN, m.spec().kind().name() + " banned in " + lane));
        }
    }

    private void noStopping(VehicleMotion m, List<Offence> out) {
        double standing = rules.noStopping().standingKmh() / 3.6;
        double to = Math.min(m.leaveAt(), end);
        for (NoStoppingZone z : road.noStoppingZones()) {
            double start = Double.NaN;
            for (double t = m.enterAt(); t <= to; t += STEP_S) {
                boolean in = m.speedAt(t) < standing && z.contains(m.frontX(t), m.frontY(t));
                if (!in) {
                    start = Double.NaN;
                } else if (Double.isNaN(start)) {
                    start = t;
                } else if (t - start >= z.maxDwellSeconds()) {
                    out.add(offence(RuleId.NO_STOPPING, m, road.laneAt(m.frontX(start)), start, Double.NaN,
                            "stood in " + z.id() + " (" + z.kind().yamlName() + ")"));
                    return;
                }
            }
        }
    }

    private Offence offence(RuleId rule, VehicleMotion m, String lane, double t, double kmh, String detail) {
        return new Offence(rule, m.id(), m.spec().plate(), lane, t, kmh, Double.NaN, detail);
    }

    private double crossing(VehicleMotion m, double y) {
        OptionalDouble t = m.crossing(y);
        return t.isPresent() && t.getAsDouble() <= end ? t.getAsDouble() : Double.NaN;
    }

    private static double first(VehicleMotion m, java.util.function.DoubleUnaryOperator f, double from, double to) {
        if (!(to > from)) {
            return Double.POSITIVE_INFINITY;
        }
        OptionalDouble t = VehicleMotion.firstTime(f, from, to);
        return t.isPresent() ? t.getAsDouble() : Double.POSITIVE_INFINITY;
    }
}
