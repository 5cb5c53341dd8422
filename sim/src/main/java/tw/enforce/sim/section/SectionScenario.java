package tw.enforce.sim.section;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import tw.enforce.runtime.config.ConfigException;
import tw.enforce.runtime.config.YamlRecords;

/**
 * A section-speed run: two units {@code lengthM} apart on one road, and the vehicles that pass
 * them. Each vehicle passes the entry unit at {@code speedKmh} (also its speed past the exit unit),
 * covers the section at {@code averageKmh} on average, and may be read differently at either unit
 * ({@code entryRead}/{@code exitRead}: {@code ok} = its plate, {@code none} = not read, else the
 * text the unit reads). {@code enters: false} joins between the units, {@code exits: false} leaves
 * before the exit. Format: sim/scenarios/section/README.md.
 */
public record SectionScenario(@JsonProperty(required = true) String name,
                              @JsonProperty(required = true) long seed,
                              Integer fps,
                              @JsonProperty(required = true) Section section,
                              @JsonProperty(required = true) List<Vehicle> vehicles) {

    public SectionScenario {
        fps = fps == null ? 15 : fps;
        if (fps < 5 || fps > 60) {
            throw new IllegalArgumentException("fps must be 5..60, got " + fps);
        }
        vehicles = List.copyOf(vehicles);
        Set<String> ids = new HashSet<>();
        Set<String> plates = new HashSet<>();
        for (Vehicle v : vehicles) {
            if (!ids.add(v.id()) || !plates.add(v.plate())) {
                throw new IllegalArgumentException("vehicle '" + v.id() + "': id and plate must be unique");
            }
        }
    }

    /**
     * The section: its id, both units' ids, length, limit, the y of each unit's line (the same
     * site layout at both units), and the lane lines of that layout.
     */
    public record Section(@JsonProperty(required = true) String id,
                          @JsonProperty(required = true) String entryUnit,
                          @JsonProperty(required = true) String exitUnit,
                          @JsonProperty(required = true) double lengthM,
                          @JsonProperty(required = true) double limitKmh,
                          Double lineY,
                          List<Double> laneBoundariesX) {
        public Section {
            lineY = lineY == null ? -10.0 : lineY;
            laneBoundariesX = laneBoundariesX == null ? List.of(-3.5, 0.0, 3.5) : List.copyOf(laneBoundariesX);
            if (lengthM < 100 || limitKmh <= 0) {
                throw new IllegalArgumentException("section: lengthM must be >= 100 and limitKmh > 0");
            }
            if (entryUnit.equals(exitUnit)) {
                throw new IllegalArgumentException("section: entryUnit and exitUnit must differ");
            }
        }
    }

    public record Vehicle(@JsonProperty(required = true) String id,
                          @JsonProperty(required = true) String kind,
                          @JsonProperty(required = true) String plate,
                          @JsonProperty(required = true) String lane,
                          @JsonProperty(required = true) double enterAt,
                          @JsonProperty(required = true) double speedKmh,
                          @JsonProperty(required = true) double averageKmh,
                          String entryRead,
                          String exitRead,
                          Boolean enters,
                          Boolean exits) {
        public Vehicle {
            entryRead = entryRead == null ? "ok" : entryRead;
            exitRead = exitRead == null ? "ok" : exitRead;
            enters = enters == null || enters;
            exits = exits == null || exits;
            if (!(averageKmh > 0) || averageKmh > 250 || !(speedKmh > 0)) {
                throw new IllegalArgumentException("vehicle '" + id + "': speedKmh and averageKmh must be in (0, 250]");
            }
            if (!enters && !exits) {
                throw new IllegalArgumentException("vehicle '" + id + "': must pass at least one unit");
            }
        }

        /** What the unit of {@code role} reads: the plate, another text, or null (nothing). */
        String readAt(String role) {
            String r = "entry".equals(role) ? entryRead : exitRead;
            return "ok".equals(r) ? plate : "none".equals(r) ? null : r;
        }
    }

    public static SectionScenario load(Path file) throws ConfigException {
        return YamlRecords.load(file, SectionScenario.class);
    }
}
