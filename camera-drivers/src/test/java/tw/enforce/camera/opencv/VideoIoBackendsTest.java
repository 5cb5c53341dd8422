package tw.enforce.camera.opencv;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class VideoIoBackendsTest {

    @Test
    void readsBackendsFromBuildInformation() {
        String openpnp = """
                  Video I/O:
                    DC1394:                      NO
                    FFMPEG:                      NO
                      avcodec:                   NO
                    GStreamer:                   NO
                    v4l/v4l2:                    YES (linux/videodev2.h)
                """;
        String debian = """
                  Video I/O:
                    FFMPEG:                      YES
                      avcodec:                   YES (58.91.100)
                    GStreamer:                   YES (1.22.0)
                    v4l/v4l2:                    YES (linux/videodev2.h)
                """;

        assertEquals(new VideoIoBackends(false, false, true), VideoIoBackends.parse(openpnp));
        assertEquals(new VideoIoBackends(true, true, true), VideoIoBackends.parse(debian));
        assertEquals(true, VideoIoBackends.parse(debian).decodesStreams());
    }
}
