package tw.enforce.runtime.plate;

import java.util.Arrays;

/**
 * A named dense tensor on the Java side of an ONNX call: floats, or unsigned bytes when
 * {@code bytes} is set (models that take raw uint8 pixels). Shapes are row-major.
 */
public record Tensor(String name, long[] shape, float[] floats, byte[] bytes) {

    public static Tensor ofFloats(String name, float[] data, long... shape) {
        check(data.length, shape, name);
        return new Tensor(name, shape, data, null);
    }

    public static Tensor ofBytes(String name, byte[] data, long... shape) {
        check(data.length, shape, name);
        return new Tensor(name, shape, null, data);
    }

    public boolean isBytes() {
        return bytes != null;
    }

    /** Dimension {@code i}, negative indices counting from the end. */
    public int dim(int i) {
        return (int) shape[i < 0 ? shape.length + i : i];
    }

    private static void check(int length, long[] shape, String name) {
        long n = 1;
        for (long d : shape) {
            n *= d;
        }
        if (n != length) {
            throw new IllegalArgumentException("tensor " + name + ": shape " + Arrays.toString(shape) + " needs " + n
                    + " values, got " + length);
        }
    }

    @Override
    public String toString() {
        return "Tensor[" + name + " " + Arrays.toString(shape) + "]";
    }
}
