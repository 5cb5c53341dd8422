package tw.enforce.sim.render;

import tw.enforce.sim.scene.RoadLayout;

/**
 * What one camera ray meets: the road plane (asphalt, paint, kerbs, pavements), the fronts of the
 * four corner blocks, or sky. Colours are plain sRGB; the aim is road-scene statistics a detector
 * trained on street photos finds ordinary, not photorealism.
 */
final class Scenery {
    private static final double PAINT_W = 0.15, STOP_W = 0.4, EXIT_W = 0.3, SOLID_BEFORE_STOP = 30;
    private static final double FLOOR_M = 3.2;
    private static final int[][] FACADES = {{196, 184, 160}, {170, 170, 168}, {214, 210, 198}, {150, 128, 110},
        {188, 196, 200}, {120, 118, 112}};
    private static final int[][] SIGNS = {{200, 40, 40}, {240, 200, 40}, {40, 90, 180}, {30, 150, 80}, {230, 230, 230}};
    private final RoadLayout road;
    private final Noise noise;
    private final double roadMin, roadMax, xL, xR, gapLo, gapHi, yA, yB;

    Scenery(RoadLayout road, Noise noise) {
        Backdrop.requireLanes(road);
        this.road = road;
        this.noise = noise;
        this.roadMin = Backdrop.roadMinX(road);
        this.roadMax = Backdrop.roadMaxX(road);
        double side = Backdrop.KERB_M + Backdrop.PAVEMENT_M;
        this.xL = roadMin - side;
        this.xR = roadMax + side;
        boolean crosswalk = road.crosswalkEndY() > road.crosswalkStartY();
        this.gapLo = crosswalk ? road.crosswalkEndY() : road.stopLineY() + 1;
        this.gapHi = Math.max(gapLo + 6, road.exitLineY());
        this.yA = gapLo - side;
        this.yB = gapHi + side;
    }

    void trace(double ox, double oy, double oz, double dx, double dy, double dz, double[] out) {
        double best = Double.MAX_VALUE;
        int what = 0; // 0 sky, 1 ground, 2 x-wall, 3 y-wall
        double plane = 0;
        if (dz < -1e-9) {
            best = -oz / dz;
            what = 1;
        }
        for (double wx : new double[] {xL, xR}) {
            double t = (wx - ox) / dx;
            if (Math.abs(dx) > 1e-9 && t > 0 && t < best) {
                double y = oy + t * dy, z = oz + t * dz;
                if ((y < yA || y > yB) && z >= 0 && z <= buildingHeight(wx, y)) {
                    best = t;
                    what = 2;
                    plane = wx;
                }
            }
        }
        for (double wy : new double[] {yA, yB}) {
            double t = (wy - oy) / dy;
            if (Math.abs(dy) > 1e-9 && t > 0 && t < best) {
                double x = ox + t * dx, z = oz + t * dz;
                if ((x < xL || x > xR) && z >= 0 && z <= buildingHeight(wy, x)) {
                    best = t;
                    what = 3;
                    plane = wy;
                }
            }
        }
        double x = ox + best * dx, y = oy + best * dy, z = oz + best * dz;
        switch (what) {
            case 1 -> ground(x, y, out);
            case 2 -> facade(plane, y, z, out);
            case 3 -> facade(plane + 1000, x, z, out);
            default -> {
                sky(dz / Math.sqrt(dx * dx + dy * dy + dz * dz), out);
                return;
            }
        }
        double dist = best * Math.sqrt(dx * dx + dy * dy + dz * dz);
        double haze = 1 - Math.exp(-dist / 450);
        out[0] += (182 - out[0]) * haze;
        out[1] += (188 - out[1]) * haze;
        out[2] += (194 - out[2]) * haze;
    }

    private double buildingHeight(double plane, double along) {
        long seg = (long) Math.floor(along / 14);
        return 7 + 26 * noise.hash(seg, (long) (plane * 10));
    }

    private void ground(double x, double y, double[] out) {
        boolean crossStreet = y >= gapLo && y <= gapHi;
        boolean onRoad = (x >= roadMin && x <= roadMax) || crossStreet;
        if (onRoad) {
            asphalt(x, y, out);
            double paint = paint(x, y, crossStreet);
            if (paint > 0) {
                double wear = 0.8 + 0.2 * noise.smooth(x, y, 0.7);
                for (int c = 0; c < 3; c++) {
                    out[c] += (228 * wear - out[c]) * paint;
                }
            }
            return;
        }
        double fromRoad = Math.min(x < roadMin ? roadMin - x : x - roadMax,
                y < gapLo ? gapLo - y : y > gapHi ? y - gapHi : Double.MAX_VALUE);
        if (fromRoad < Backdrop.KERB_M) {
            double g = 165 + 20 * noise.smooth(x, y, 0.5);
            set(out, g, g, g - 4);
            return;
        }
        // pavement tiles with grout lines
        double tu = x / 0.3, tv = y / 0.3;
        boolean grout = tu - Math.floor(tu) < 0.06 || tv - Math.floor(tv) < 0.06;
        double t = noise.hash((long) Math.floor(tu), (long) Math.floor(tv));
        double g = grout ? 105 : 140 + 30 * t;
        set(out, g + 18, g, g - 10);
    }

    private void asphalt(double x, double y, double[] out) {
        double n = 0.55 * noise.smooth(x, y, 2.5) + 0.3 * noise.smooth(x, y, 0.35) + 0.15 * noise.hash((long) (x * 40), (long) (y * 40));
        double g = 78 + 34 * n;
        double laneW = (roadMax - roadMin) / Math.max(1, road.laneBoundariesX().size() - 1);
        if (x >= roadMin && x <= roadMax) {
            double inLane = (x - roadMin) % laneW;
            double wheel = Math.min(Math.abs(inLane - laneW / 2 + 0.8), Math.abs(inLane - laneW / 2 - 0.8));
            g -= 10 * Math.exp(-wheel * wheel / 0.08); // oil-darkened wheel paths
        }
        set(out, g, g, g + 3);
    }

    /** Paint coverage 0..1 at a road point. */
    private double paint(double x, double y, boolean crossStreet) {
        boolean withinRoad = x >= roadMin && x <= roadMax;
        if (!withinRoad) {
            return 0;
        }
        if (y >= road.stopLineY() - STOP_W && y <= road.stopLineY()) {
            return 1;
        }
        if (y >= road.exitLineY() && y <= road.exitLineY() + EXIT_W) {
            return 1;
        }
        if (road.crosswalkEndY() > road.crosswalkStartY() && y >= road.crosswalkStartY() && y <= road.crosswalkEndY()) {
            double p = (x - roadMin) / 0.9;
            return p - Math.floor(p) < 0.5 ? 1 : 0;
        }
        if (crossStreet) {
            return 0;
        }
        for (int i = 0; i < road.laneBoundariesX().size(); i++) {
            double bx = road.laneBoundariesX().get(i);
            if (Math.abs(x - bx) <= PAINT_W / 2) {
                boolean edge = i == 0 || i == road.laneBoundariesX().size() - 1;
                boolean solid = edge || (y >= road.stopLineY() - SOLID_BEFORE_STOP && y < road.stopLineY());
                double phase = ((y % 10) + 10) % 10;
                return solid || phase < 4 ? 1 : 0;
            }
        }
        return 0;
    }

    private void facade(double wall, double along, double z, double[] out) {
        long seg = (long) Math.floor(along / 14);
        int[] base = FACADES[(int) (noise.hash(seg, (long) (wall * 10) + 77) * FACADES.length)];
        double n = 0.9 + 0.15 * noise.smooth(along, z, 1.5);
        if (z < 3.0) { // shop fronts: dark glass and doors
            double g = 45 + 25 * noise.smooth(along, z, 2);
            set(out, g, g, g + 5);
            return;
        }
        if (z < 3.7) { // shop signs
            int[] s = SIGNS[(int) (noise.hash((long) Math.floor(along / 4), seg) * SIGNS.length)];
            set(out, s[0], s[1], s[2]);
            return;
        }
        double inFloor = (z - 3.7) % FLOOR_M;
        double inBay = ((along % 3.0) + 3.0) % 3.0;
        if (inFloor > 0.9 && inFloor < 2.4 && inBay > 0.6 && inBay < 2.4) {
            double g = 55 + 50 * noise.hash((long) Math.floor(along / 3), (long) Math.floor(z / FLOOR_M));
            set(out, g, g + 8, g + 18);
            return;
        }
        set(out, base[0] * n, base[1] * n, base[2] * n);
    }

    private static void sky(double elevationSin, double[] out) {
        double t = Math.max(0, Math.min(1, elevationSin * 3));
        set(out, 200 - 80 * t, 210 - 60 * t, 220 - 20 * t);
    }

    private static void set(double[] out, double r, double g, double b) {
        out[0] = r;
        out[1] = g;
        out[2] = b;
    }
}
