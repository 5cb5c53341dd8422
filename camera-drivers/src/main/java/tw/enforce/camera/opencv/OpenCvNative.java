package tw.enforce.camera.opencv;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads OpenCV's native library once per JVM, before any {@code org.opencv} class is used.
 *
 * <p>Two builds are supported. By default the library bundled in the openpnp jar is extracted and
 * loaded ({@code nu.pattern.OpenCV.loadLocally()}); that build has no FFmpeg or GStreamer. With
 * {@code -Denforce.opencv=system} the library is loaded from {@code java.library.path} instead,
 * which is how a unit uses Debian's {@code libopencv-java} (FFmpeg + GStreamer: mp4, RTSP): put
 * {@code /usr/share/java/opencv.jar} before our jars on the class path and pass
 * {@code -Djava.library.path=/usr/lib/jni}. The library name is read from the {@code Core} class
 * actually loaded, at run time: the compile-time constant would name the openpnp build.
 */
public final class OpenCvNative {

    /** System property choosing where the native library comes from: {@code bundled} or {@code system}. */
    public static final String MODE_PROPERTY = "enforce.opencv";

    private static final Logger log = LoggerFactory.getLogger(OpenCvNative.class);
    private static final Object LOCK = new Object();
    private static volatile boolean loaded;

    private OpenCvNative() {
    }

    /**
     * Loads the native library if this JVM has not yet; cheap and safe to call from any thread.
     *
     * @throws IllegalStateException naming the mode and the cause when the library cannot be loaded
     */
    public static void load() {
        if (loaded) {
            return;
        }
        synchronized (LOCK) {
            if (loaded) {
                return;
            }
            String mode = System.getProperty(MODE_PROPERTY, "bundled");
            long start = System.nanoTime();
            try {
                switch (mode) {
                    case "bundled" -> loadBundled();
                    case "system" -> System.loadLibrary(libraryName());
                    default -> throw new IllegalStateException("unknown " + MODE_PROPERTY + "=" + mode
                            + " (expected bundled or system)");
                }
            } catch (ReflectiveOperationException | LinkageError | RuntimeException e) {
                Throwable cause = e instanceof java.lang.reflect.InvocationTargetException ite ? ite.getCause() : e;
                throw new IllegalStateException("cannot load the OpenCV native library (" + MODE_PROPERTY + "="
                        + mode + ", java.library.path=" + System.getProperty("java.library.path") + "): "
                        + cause, cause);
            }
            loaded = true;
            log.info("OpenCV {} native library loaded ({}) in {} ms", org.opencv.core.Core.getVersionString(), mode,
                    (System.nanoTime() - start) / 1_000_000);
        }
    }

    private static void loadBundled() throws ReflectiveOperationException {
        // Reflection: with Debian's opencv.jar first on the class path the openpnp loader may be absent.
        Class.forName("nu.pattern.OpenCV").getMethod("loadLocally").invoke(null);
    }

    private static String libraryName() throws ReflectiveOperationException {
        return (String) org.opencv.core.Core.class.getField("NATIVE_LIBRARY_NAME").get(null);
    }
}
