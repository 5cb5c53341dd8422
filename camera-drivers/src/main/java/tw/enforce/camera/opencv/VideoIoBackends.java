package tw.enforce.camera.opencv;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which video I/O backends the loaded OpenCV build was compiled with, read from its build
 * information. The openpnp build has neither FFmpeg nor GStreamer, so it cannot open mp4, mkv or
 * RTSP; errors say so rather than a bare "cannot open".
 */
public record VideoIoBackends(boolean ffmpeg, boolean gstreamer, boolean v4l2) {

    /** The backends of the OpenCV library loaded in this JVM. */
    public static VideoIoBackends ofLoadedLibrary() {
        OpenCvNative.load();
        return parse(org.opencv.core.Core.getBuildInformation());
    }

    /** Parses the text of {@code cv::getBuildInformation()}. */
    public static VideoIoBackends parse(String buildInformation) {
        return new VideoIoBackends(enabled(buildInformation, "FFMPEG"), enabled(buildInformation, "GStreamer"),
                enabled(buildInformation, "v4l/v4l2"));
    }

    /** True when the build can open compressed files other than MJPEG AVI and network streams. */
    public boolean decodesStreams() {
        return ffmpeg || gstreamer;
    }

    private static boolean enabled(String info, String name) {
        Matcher m = Pattern.compile("(?m)^\\s*" + Pattern.quote(name) + ":\\s*(\\S+)").matcher(info);
        return m.find() && !m.group(1).equalsIgnoreCase("NO");
    }
}
