package tw.enforce.sim.demo;

import java.nio.file.Path;

/**
 * One simulated run: which scenario, where its outputs go, which detector the unit uses, where
 * the shared models and photos are, and the broker (null = start an embedded one on loopback).
 */
public record RunOptions(Path scenario, Path outDir, DetectorChoice detector, Path sharedDir, String brokerUri) {

    public enum DetectorChoice {
        /** YOLOX-Nano when the model file exists, else the motion detector. */
        AUTO,
        YOLOX,
        MOTION,
        /** The simulator's own ground-truth boxes with noise: fast, deterministic rule scoring. */
        TRUTH
    }
}
