package tw.enforce.camera.opencv;

import java.net.URI;
import java.nio.file.Path;
import java.util.Objects;

/** What an {@link OpenCvFrameSource} reads: a video file, a V4L2 device or a network stream. */
public sealed interface CaptureTarget {

    /** How the target is named in logs and errors; passwords in URLs are masked. */
    String describe();

    record VideoFile(Path path) implements CaptureTarget {
        public VideoFile {
            Objects.requireNonNull(path, "path");
        }

        @Override
        public String describe() {
            return "video file " + path;
        }
    }

    /** A V4L2 capture device, by index ({@code 0}) or by node ({@code /dev/video0}). */
    record Device(String node, int index) implements CaptureTarget {
        public static Device ofIndex(int index) {
            if (index < 0) {
                throw new IllegalArgumentException("V4L2 device index must be >= 0, was " + index);
            }
            return new Device(null, index);
        }

        public static Device ofNode(String node) {
            return new Device(Objects.requireNonNull(node, "node"), -1);
        }

        @Override
        public String describe() {
            return "V4L2 device " + (node != null ? node : "index " + index);
        }
    }

    /** A network stream such as {@code rtsp://…} or {@code http://…/mjpeg}. */
    record Stream(URI url) implements CaptureTarget {
        public Stream {
            Objects.requireNonNull(url, "url");
        }

        @Override
        public String describe() {
            String user = url.getRawUserInfo();
            return "stream " + (user == null ? url : url.toString().replace(user + "@", "***@"));
        }
    }

    /**
     * Reads a config value: digits are a device index, {@code /dev/…} a device node, anything with
     * {@code ://} a stream URL ({@code file://} a file), everything else a file path.
     */
    static CaptureTarget parse(String text) {
        Objects.requireNonNull(text, "capture target");
        String value = text.strip();
        if (value.isEmpty()) {
            throw new IllegalArgumentException("capture target is empty");
        }
        if (value.length() <= 9 && value.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return Device.ofIndex(Integer.parseInt(value));
        }
        if (value.startsWith("/dev/")) {
            return Device.ofNode(value);
        }
        if (value.contains("://")) {
            URI uri = URI.create(value);
            return "file".equalsIgnoreCase(uri.getScheme()) ? new VideoFile(Path.of(uri)) : new Stream(uri);
        }
        return new VideoFile(Path.of(value));
    }
}
