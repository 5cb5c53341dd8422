package tw.enforce.camera.opencv;

import java.time.Clock;
import java.util.Optional;
import tw.enforce.camera.Frame;

/** Run in a forked JVM by {@link SystemOpenCvIT}: reads a video with whatever OpenCV build is loaded. */
public final class SystemOpenCvProbe {
    private SystemOpenCvProbe() {
    }

    public static void main(String[] args) throws Exception {
        System.out.println("backends " + VideoIoBackends.ofLoadedLibrary());
        try (OpenCvFrameSource source = OpenCvFrameSource.open("probe", args[0], Clock.systemUTC())) {
            long frames = 0;
            for (Optional<Frame> f = source.next(); f.isPresent(); f = source.next()) {
                frames++;
            }
            System.out.println("frames " + frames + " size " + source.width() + "x" + source.height());
        }
    }
}
