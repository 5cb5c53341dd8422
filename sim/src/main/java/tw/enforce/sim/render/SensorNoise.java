package tw.enforce.sim.render;

import java.util.SplittableRandom;

/**
 * A live sensor's per-frame noise: every channel of every pixel moves by a small, roughly Gaussian
 * amount (σ ≈ {@value #SIGMA} levels) that differs from frame to frame, so two frames of a still
 * scene are never bit-identical, as with a real camera (a frozen-picture check relies on it). The
 * noise is read from a table a few frames long at a per-frame offset: the same seed and frame index
 * give the same picture, and adding it costs one table read per byte.
 */
final class SensorNoise {
    static final double SIGMA = 1.5;
    private static final int LIMIT = 5;

    private final byte[] table;
    private final long seed;
    private final int span;

    SensorNoise(int bytesPerFrame, long seed) {
        this.seed = seed;
        this.span = bytesPerFrame;
        SplittableRandom random = new SplittableRandom(seed);
        table = new byte[bytesPerFrame + (1 << 16)];
        for (int i = 0; i < table.length; i++) {
            double g = 0;
            for (int k = 0; k < 4; k++) {
                g += random.nextDouble() - 0.5; // sum of four uniforms: variance 1/3
            }
            long v = Math.round(g * SIGMA * Math.sqrt(3));
            table[i] = (byte) Math.max(-LIMIT, Math.min(LIMIT, v));
        }
    }

    /** Adds frame {@code frame}'s noise to a BGR (or any 8-bit) buffer of the size given at construction, in place. */
    void apply(byte[] pixels, long frame) {
        apply(pixels, frame, pixels.length);
    }

    /** Adds frame {@code frame}'s noise to the first {@code bytes} of the buffer only. */
    void apply(byte[] pixels, long frame, int bytes) {
        if (pixels.length != span || bytes < 0 || bytes > span) {
            throw new IllegalArgumentException("sensor noise made for " + span + " bytes, frame has " + pixels.length
                    + ", asked for " + bytes);
        }
        long h = (seed ^ (frame * 0x9E3779B97F4A7C15L)) * 0xC4CEB9FE1A85EC53L;
        int offset = (int) ((h >>> 17) % (table.length - span));
        for (int i = 0; i < bytes; i++) {
            int v = (pixels[i] & 0xFF) + table[offset + i];
            pixels[i] = (byte) (v < 0 ? 0 : v > 255 ? 255 : v);
        }
    }
}
