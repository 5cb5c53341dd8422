package tw.enforce.runtime.rule;

import java.util.List;

/**
 * The lanes with their banned classes, the line at which the class is checked ({@code checkY}, site
 * metres; null = each lane's stop line) and the share of a track's detections that must agree on
 * its class.
 */
public record RestrictedClassSettings(List<LaneSpec> lanes, Double checkY, double minClassAgreement) {
    public RestrictedClassSettings {
        lanes = List.copyOf(lanes);
        if (!(minClassAgreement >= 0.5 && minClassAgreement <= 1)) {
            throw new IllegalArgumentException("restricted-class minClassAgreement must be in [0.5, 1], got " + minClassAgreement);
        }
    }

    public double checkYFor(LaneSpec lane) {
        return checkY != null ? checkY : lane.stopLineY();
    }
}
