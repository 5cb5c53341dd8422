package tw.enforce.camera;

import java.time.Instant;

/**
 * What a {@link ReconnectingFrameSource} reports about its camera, for status pages and health.
 *
 * @param connected      a source is open and the last read succeeded
 * @param delivered      frames returned to the pipeline
 * @param dropped        frames lost: sequence gaps (skipped corrupt frames) plus frame slots missed
 *                       while disconnected, estimated from the measured frame rate
 * @param reconnects     times the source was reopened after being lost
 * @param lastError      why the source was last lost or could not be opened; null if never
 * @param downSince      since when it is disconnected; null while connected
 * @param width          width of the last frame, 0 before the first
 * @param height         height of the last frame, 0 before the first
 * @param measuredFps    frame rate measured from capture timestamps (smoothed); 0 before two frames
 */
public record CaptureStatus(String cameraId, boolean connected, long delivered, long dropped, long reconnects,
                            String lastError, Instant downSince, int width, int height, double measuredFps) {
}
