package tw.enforce.sim.render;

import java.util.SplittableRandom;

/**
 * Simple, stated approximations. Rain: a duller, darker, less saturated scene, a light blur
 * (water on the lens housing) and bright streaks. Night: the backdrop dimmed to street-lamp level
 * with a blue cast; vehicles and people dimmed too (their lights are added by the renderer).
 */
final class WeatherEffects {
    static final double NIGHT_ACTOR = 0.45;
    static final double RAIN_ACTOR = 0.78;

    private WeatherEffects() {
    }

    static int[] rainBackdrop(int[] day) {
        int[] out = new int[day.length];
        for (int i = 0; i < day.length; i++) {
            int p = day[i];
            double r = (p >> 16) & 0xFF, g = (p >> 8) & 0xFF, b = p & 0xFF;
            double grey = 0.3 * r + 0.59 * g + 0.11 * b;
            out[i] = Backdrop.pack((grey + (r - grey) * 0.6) * 0.72, (grey + (g - grey) * 0.6) * 0.72, (grey + (b - grey) * 0.6) * 0.76);
        }
        return out;
    }

    static int[] nightBackdrop(int[] day, Backdrop backdrop) {
        int[] out = new int[day.length];
        for (int i = 0; i < day.length; i++) {
            int p = day[i];
            double r = (p >> 16) & 0xFF, g = (p >> 8) & 0xFF, b = p & 0xFF;
            boolean sky = Float.isNaN(backdrop.groundX(i)) && r + g + b > 560;
            double k = sky ? 0.09 : 0.2;
            out[i] = Backdrop.pack(r * k, g * k, b * k * 1.25 + 4);
        }
        return out;
    }

    static void rainStreaks(int[] frame, int w, int h, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        int count = w * h / 1500;
        for (int n = 0; n < count; n++) {
            int x = rnd.nextInt(w), y = rnd.nextInt(h), len = 8 + rnd.nextInt(18);
            double alpha = 0.12 + 0.18 * rnd.nextDouble();
            for (int k = 0; k < len; k++) {
                int u = x + k / 4, v = y + k;
                if (u >= w || v >= h) {
                    break;
                }
                int i = v * w + u, p = frame[i];
                frame[i] = Backdrop.pack(((p >> 16) & 0xFF) + (210 - ((p >> 16) & 0xFF)) * alpha,
                        ((p >> 8) & 0xFF) + (215 - ((p >> 8) & 0xFF)) * alpha, (p & 0xFF) + (225 - (p & 0xFF)) * alpha);
            }
        }
    }

    /** 3-tap box blur, horizontally then vertically, in place. */
    static void blur(int[] frame, int w, int h) {
        int[] tmp = new int[frame.length];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int a = frame[y * w + Math.max(0, x - 1)], b = frame[y * w + x], c = frame[y * w + Math.min(w - 1, x + 1)];
                tmp[y * w + x] = avg(a, b, c);
            }
        }
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int a = tmp[Math.max(0, y - 1) * w + x], b = tmp[y * w + x], c = tmp[Math.min(h - 1, y + 1) * w + x];
                frame[y * w + x] = avg(a, b, c);
            }
        }
    }

    private static int avg(int a, int b, int c) {
        int r = (((a >> 16) & 0xFF) + 2 * ((b >> 16) & 0xFF) + ((c >> 16) & 0xFF)) >> 2;
        int g = (((a >> 8) & 0xFF) + 2 * ((b >> 8) & 0xFF) + ((c >> 8) & 0xFF)) >> 2;
        int bl = ((a & 0xFF) + 2 * (b & 0xFF) + (c & 0xFF)) >> 2;
        return r << 16 | g << 8 | bl;
    }
}
