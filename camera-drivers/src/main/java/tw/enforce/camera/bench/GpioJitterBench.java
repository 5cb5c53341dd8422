package tw.enforce.camera.bench;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicReference;
import tw.enforce.gpio.GpioBoard;
import tw.enforce.gpio.pi4j.MockGpio;

/**
 * Edge timestamp latency and jitter through {@code Pi4jGpioBoard} on Pi4J's mock provider: the level
 * is driven N times and each delivered edge's timestamp is compared with the wall-clock time read just
 * before driving, so the figure is Pi4J's event path plus the board's debounce and listener dispatch
 * (not the electrical input, which only real hardware can show). Needs pi4j-plugin-mock on the class
 * path.
 *
 * <pre>java -cp … tw.enforce.camera.bench.GpioJitterBench [EDGES=20000]</pre>
 */
public final class GpioJitterBench {

    private GpioJitterBench() {
    }

    public static void main(String[] args) {
        int edges = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
        Clock clock = Clock.systemUTC();
        AtomicReference<Instant> seen = new AtomicReference<>();
        long[] micros = new long[edges];
        try (MockGpio gpio = MockGpio.start(clock)) {
            GpioBoard.DigitalInput in = gpio.board().input("bench", 17, Duration.ZERO, e -> seen.set(e.at()));
            boolean level = in.isHigh();
            for (int i = -2000; i < edges; i++) { // the first 2000 warm the JIT and are not counted
                level = !level;
                seen.set(null);
                Instant before = clock.instant();
                gpio.drive(17, level);
                Instant at = seen.get();
                if (at == null) {
                    throw new IllegalStateException("edge " + i + " not delivered");
                }
                if (i >= 0) {
                    micros[i] = Duration.between(before, at).toNanos() / 1000;
                }
            }
        }
        long[] sorted = micros.clone();
        Arrays.sort(sorted);
        double mean = Arrays.stream(micros).average().orElse(0);
        double sd = Math.sqrt(Arrays.stream(micros).mapToDouble(m -> (m - mean) * (m - mean)).sum() / edges);
        System.out.printf("%d edges, timestamp minus drive time (µs): mean %.1f, sd %.1f, p50 %d, p99 %d,"
                        + " p99.9 %d, max %d; clock resolution %s%n", edges, mean, sd, sorted[edges / 2],
                sorted[(int) (edges * 0.99)], sorted[(int) (edges * 0.999)], sorted[edges - 1], resolution(clock));
    }

    private static String resolution(Clock clock) {
        Instant a = clock.instant();
        Instant b = clock.instant();
        while (b.equals(a)) {
            b = clock.instant();
        }
        return Duration.between(a, b).toNanos() + " ns step";
    }
}
