package tw.enforce.runtime.rule;

import java.util.List;

/** The painted no-crossing lines, and the lanes (to name the lanes left and entered). */
public record LineCrossingSettings(List<PaintedLine> lines, List<LaneSpec> lanes) {
    public LineCrossingSettings {
        lines = List.copyOf(lines);
        lanes = lanes == null ? List.of() : List.copyOf(lanes);
    }
}
