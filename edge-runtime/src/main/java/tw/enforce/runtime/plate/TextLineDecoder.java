package tw.enforce.runtime.plate;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import tw.enforce.runtime.detect.BoundingBox;

/**
 * Turns a DBNet text probability map ({@code H×W}, values in [0,1]) into the boxes of the plate's
 * character groups: pixels above {@code pixelThreshold} are grouped 4-connected, a group whose mean
 * probability is below {@code boxThreshold} is dropped, each box is grown by DBNet's "unclip"
 * distance (area·ratio/perimeter), and only groups at least {@code minRelativeHeight} as tall as
 * the tallest are kept, left to right. That drops a plate's small print (country band, dealer
 * line) and keeps character groups that an emblem splits. Pure Java: testable on a hand-made map.
 */
public final class TextLineDecoder {
    private final double pixelThreshold;
    private final double boxThreshold;
    private final double unclipRatio;
    private final double minRelativeHeight;

    public TextLineDecoder(double pixelThreshold, double boxThreshold, double unclipRatio, double minRelativeHeight) {
        this.pixelThreshold = pixelThreshold;
        this.boxThreshold = boxThreshold;
        this.unclipRatio = unclipRatio;
        this.minRelativeHeight = minRelativeHeight;
    }

    /** PaddleOCR's reference values (0.3, 0.5, 1.6) and groups at least 60% of the tallest. */
    public static TextLineDecoder defaults() {
        return new TextLineDecoder(0.3, 0.5, 1.6, 0.6);
    }

    /** Boxes in map pixels, left to right. */
    public List<BoundingBox> decode(float[] map, int width, int height) {
        if (map.length != width * height) {
            throw new IllegalArgumentException("text map must be " + width + "x" + height + ", got " + map.length);
        }
        int[] label = new int[map.length];
        int[] stack = new int[map.length];
        List<BoundingBox> boxes = new ArrayList<>();
        int next = 0;
        for (int start = 0; start < map.length; start++) {
            if (label[start] != 0 || map[start] <= pixelThreshold) {
                continue;
            }
            next++;
            int top = 0;
            stack[top++] = start;
            label[start] = next;
            int x1 = width, y1 = height, x2 = -1, y2 = -1, count = 0;
            double sum = 0;
            while (top > 0) {
                int p = stack[--top];
                int x = p % width;
                int y = p / width;
                x1 = Math.min(x1, x);
                x2 = Math.max(x2, x);
                y1 = Math.min(y1, y);
                y2 = Math.max(y2, y);
                sum += map[p];
                count++;
                int[] neighbours = {x > 0 ? p - 1 : -1, x < width - 1 ? p + 1 : -1, y > 0 ? p - width : -1,
                        y < height - 1 ? p + width : -1};
                for (int q : neighbours) {
                    if (q >= 0 && label[q] == 0 && map[q] > pixelThreshold) {
                        label[q] = next;
                        stack[top++] = q;
                    }
                }
            }
            double w = x2 - x1 + 1;
            double h = y2 - y1 + 1;
            if (count < 4 || sum / count < boxThreshold || Math.min(w, h) < 2) {
                continue;
            }
            double d = w * h * unclipRatio / (2 * (w + h));
            boxes.add(new BoundingBox(Math.max(0, x1 - d), Math.max(0, y1 - d), Math.min(width, x2 + 1 + d),
                    Math.min(height, y2 + 1 + d)));
        }
        double tallest = boxes.stream().mapToDouble(BoundingBox::height).max().orElse(0);
        return boxes.stream().filter(b -> b.height() >= minRelativeHeight * tallest)
                .sorted(Comparator.comparingDouble(BoundingBox::x1)).toList();
    }
}
