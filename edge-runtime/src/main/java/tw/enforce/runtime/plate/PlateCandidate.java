package tw.enforce.runtime.plate;

import tw.enforce.runtime.detect.BoundingBox;

/**
 * A plate found in an image: its four corners (x,y pairs, clockwise from top-left, image pixels),
 * the axis-aligned box around them and the localiser's score in [0,1].
 */
public record PlateCandidate(double[] corners, BoundingBox box, double score) {

    public PlateCandidate {
        if (corners.length != 8) {
            throw new IllegalArgumentException("a plate quad needs 8 coordinates, got " + corners.length);
        }
    }

    /** A candidate that is exactly a given axis-aligned box (a labelled box, or a fallback region). */
    public static PlateCandidate ofBox(BoundingBox b, double score) {
        return new PlateCandidate(new double[] {b.x1(), b.y1(), b.x2(), b.y1(), b.x2(), b.y2(), b.x1(), b.y2()}, b, score);
    }

    /** Orders four arbitrary corners clockwise from top-left and boxes them. */
    public static PlateCandidate ofCorners(double[] xy, double score) {
        int tl = 0, tr = 0, br = 0, bl = 0;
        for (int i = 1; i < 4; i++) {
            double sum = xy[2 * i] + xy[2 * i + 1];
            double diff = xy[2 * i] - xy[2 * i + 1];
            if (sum < xy[2 * tl] + xy[2 * tl + 1]) tl = i;
            if (sum > xy[2 * br] + xy[2 * br + 1]) br = i;
            if (diff > xy[2 * tr] - xy[2 * tr + 1]) tr = i;
            if (diff < xy[2 * bl] - xy[2 * bl + 1]) bl = i;
        }
        double[] c = {xy[2 * tl], xy[2 * tl + 1], xy[2 * tr], xy[2 * tr + 1],
                xy[2 * br], xy[2 * br + 1], xy[2 * bl], xy[2 * bl + 1]};
        double x1 = Double.MAX_VALUE, y1 = Double.MAX_VALUE, x2 = -Double.MAX_VALUE, y2 = -Double.MAX_VALUE;
        for (int i = 0; i < 4; i++) {
            x1 = Math.min(x1, xy[2 * i]);
            x2 = Math.max(x2, xy[2 * i]);
            y1 = Math.min(y1, xy[2 * i + 1]);
            y2 = Math.max(y2, xy[2 * i + 1]);
        }
        return new PlateCandidate(c, new BoundingBox(x1, y1, x2, y2), score);
    }
}
