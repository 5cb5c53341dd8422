package tw.enforce.camera.opencv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The deployed configuration for RTSP/mp4 cameras: Debian's libopencv-java ahead of the bundled
 * openpnp classes and {@code -Denforce.opencv=system}, exactly as the install's launchers start
 * the runtime. Runs in a forked JVM because a JVM loads one OpenCV native library for good.
 */
class SystemOpenCvIT {

    private static final Path DEBIAN_JAR = Path.of("/usr/share/java/opencv.jar");
    private static final Path DEBIAN_JNI = Path.of("/usr/lib/jni");

    @Test
    void debianOpenCvReadsTheMp4ThatTheBundledBuildCannot() throws Exception {
        Assumptions.assumeTrue(Files.isReadable(DEBIAN_JAR), "Debian libopencv-java not installed");
        Path mp4 = Path.of(System.getProperty("enforce.shared.dir", "../shared"), "data/video/car-detection.mp4");
        Assumptions.assumeTrue(Files.isReadable(mp4), "sample mp4 not found: " + mp4);

        Process probe = new ProcessBuilder(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Denforce.opencv=system", "-Djava.library.path=" + DEBIAN_JNI,
                "-cp", DEBIAN_JAR + File.pathSeparator + System.getProperty("java.class.path"),
                SystemOpenCvProbe.class.getName(), mp4.toString()))
                .redirectErrorStream(true).start();
        assertTrue(probe.waitFor(60, TimeUnit.SECONDS), "probe did not finish in 60 s");
        String output = new String(probe.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        assertEquals(0, probe.exitValue(), output);
        assertTrue(output.contains("ffmpeg=true"), output);
        assertTrue(output.contains("frames 377 size 768x432"), output);
    }
}
