package tw.enforce.sim.demo;

import java.nio.file.Path;

/**
 * One simulated run: which scenario, where its outputs go, which detector the unit uses, where
 * the shared models and photos are, the broker (null = start an embedded one on loopback) and where
 * sprites cut from the photos are cached between runs (cutting them takes about a minute).
 */
public record RunOptions(Path scenario, Path outDir, DetectorChoice detector, Path sharedDir, String brokerUri,
                         Path spriteCache) {

    public enum DetectorChoice {
        /** YOLOX-Nano when the model file exists, else the motion detector. */
        AUTO,
        YOLOX,
        MOTION,
        /** The simulator's own ground-truth boxes with noise: fast, deterministic rule scoring. */
        TRUTH
    }
}
