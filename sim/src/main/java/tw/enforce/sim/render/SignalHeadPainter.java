package tw.enforce.sim.render;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RadialGradientPaint;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import tw.enforce.runtime.geometry.CameraModel;
import tw.enforce.runtime.geometry.ImagePoint;
import tw.enforce.runtime.signal.SignalPhase;
import tw.enforce.sim.scene.RoadLayout;

/**
 * A pole on the right kerb (before the stop line or past the exit line, whichever is farther from
 * the camera) carrying a vertical three-lamp head (red on
 * top). The head is always drawn lamp side to the camera, as if a second head faced it: evidence
 * photos must show the lamp state. It sits at the kerb, not over the lanes, so it hides no vehicle.
 */
final class SignalHeadPainter {
    private static final double HEAD_Z = 4.4;
    private final CameraModel cam;
    private final double poleX, poleY;

    SignalHeadPainter(CameraModel cam, RoadLayout road) {
        this.cam = cam;
        this.poleX = Backdrop.roadMaxX(road) + 0.8;
        // on whichever side of the junction is farther from the camera, so the head is in view
        double nearStop = road.stopLineY() - 1.5, pastExit = road.exitLineY() + 1.5;
        this.poleY = Math.abs(cam.y() - nearStop) > Math.abs(cam.y() - pastExit) ? nearStop : pastExit;
    }

    double depth() {
        return cam.depth(poleX, poleY, HEAD_Z);
    }

    void paint(Graphics2D g, SignalPhase phase, double light) {
        ImagePoint base = cam.project(poleX, poleY, 0), top = cam.project(poleX, poleY, HEAD_Z + 0.6);
        if (base == null || top == null) {
            return;
        }
        double scale = cam.focalPx() / Math.max(1, cam.depth(poleX, poleY, HEAD_Z));
        g.setColor(shade(new Color(90, 95, 92), light));
        g.setStroke(new BasicStroke((float) Math.max(1.5, 0.2 * scale), BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER));
        g.draw(new Line2D.Double(base.u(), base.v(), top.u(), top.v()));
        double hw = 0.22, hh = 0.62;
        ImagePoint[] c = {cam.project(poleX - hw, poleY, HEAD_Z + hh), cam.project(poleX + hw, poleY, HEAD_Z + hh),
            cam.project(poleX + hw, poleY, HEAD_Z - hh), cam.project(poleX - hw, poleY, HEAD_Z - hh)};
        for (ImagePoint p : c) {
            if (p == null) {
                return;
            }
        }
        Path2D box = new Path2D.Double();
        box.moveTo(c[0].u(), c[0].v());
        for (int i = 1; i < 4; i++) {
            box.lineTo(c[i].u(), c[i].v());
        }
        box.closePath();
        g.setColor(shade(new Color(30, 32, 30), light));
        g.fill(box);
        Color[] on = {new Color(255, 40, 30), new Color(255, 170, 20), new Color(40, 255, 140)};
        SignalPhase[] lampPhase = {SignalPhase.RED, SignalPhase.AMBER, SignalPhase.GREEN};
        for (int k = 0; k < 3; k++) {
            ImagePoint p = cam.project(poleX, poleY, HEAD_Z + 0.4 - 0.4 * k);
            double rad = Math.max(1.2, 0.15 * scale);
            boolean lit = phase == lampPhase[k] || phase == SignalPhase.CONFLICT;
            if (lit) {
                float glow = (float) (rad * 2.6);
                g.setPaint(new RadialGradientPaint((float) p.u(), (float) p.v(), glow, new float[] {0f, 0.4f, 1f},
                        new Color[] {on[k], new Color(on[k].getRed(), on[k].getGreen(), on[k].getBlue(), 120),
                            new Color(on[k].getRed(), on[k].getGreen(), on[k].getBlue(), 0)}));
                g.fill(new Ellipse2D.Double(p.u() - glow, p.v() - glow, 2 * glow, 2 * glow));
                g.setColor(on[k]);
                g.fill(new Ellipse2D.Double(p.u() - rad, p.v() - rad, 2 * rad, 2 * rad));
                g.setColor(new Color(255, 240, 225));
                g.fill(new Ellipse2D.Double(p.u() - rad * 0.4, p.v() - rad * 0.4, rad * 0.8, rad * 0.8));
            } else {
                g.setColor(shade(new Color(on[k].getRed() / 5, on[k].getGreen() / 5, on[k].getBlue() / 5), light));
                g.fill(new Ellipse2D.Double(p.u() - rad, p.v() - rad, 2 * rad, 2 * rad));
            }
        }
    }

    private static Color shade(Color c, double k) {
        return new Color(Backdrop.clamp(c.getRed() * k), Backdrop.clamp(c.getGreen() * k), Backdrop.clamp(c.getBlue() * k));
    }
}
