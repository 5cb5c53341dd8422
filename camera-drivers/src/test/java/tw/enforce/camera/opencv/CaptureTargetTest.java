package tw.enforce.camera.opencv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class CaptureTargetTest {

    @Test
    void configValuesMapToFilesDevicesAndStreams() {
        assertEquals(CaptureTarget.Device.ofIndex(0), CaptureTarget.parse("0"));
        assertEquals(CaptureTarget.Device.ofNode("/dev/video2"), CaptureTarget.parse("/dev/video2"));
        assertEquals(new CaptureTarget.VideoFile(Path.of("clips/a.avi")), CaptureTarget.parse(" clips/a.avi "));
        assertEquals(new CaptureTarget.VideoFile(Path.of("/tmp/a.avi")), CaptureTarget.parse("file:///tmp/a.avi"));
        assertInstanceOf(CaptureTarget.Stream.class, CaptureTarget.parse("rtsp://10.0.0.5:554/stream1"));
    }

    @Test
    void streamPasswordNeverAppearsInDescriptions() {
        String text = CaptureTarget.parse("rtsp://admin:s3cret@10.0.0.5/live").describe();

        assertFalse(text.contains("s3cret"), text);
        assertTrue(text.contains("10.0.0.5/live"), text);
    }

    @Test
    void emptyTargetIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> CaptureTarget.parse("  "));
    }
}
