package tw.enforce.sim.section;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The ordinary scenario file of each section unit, written from a section run: the same road at
 * both units, a signal that stays green (no junction here), and each vehicle as it appears at that
 * unit. A vehicle's exit-unit appearance is timed so its front crosses the exit line
 * {@code lengthM / averageKmh} after it crossed the entry line.
 */
final class UnitScenarios {
    static final double ENTRY_Y = -80.0;
    static final double TAIL_SECONDS = 8.0;

    private UnitScenarios() {
    }

    /** Seconds at which the vehicle's front crosses the unit's line, as planned. */
    static double plannedCrossing(SectionScenario s, SectionScenario.Vehicle v, String role) {
        double entryCrossing = v.enterAt() + (s.section().lineY() - ENTRY_Y) / (v.speedKmh() / 3.6);
        return "entry".equals(role) ? entryCrossing : entryCrossing + s.section().lengthM() / (v.averageKmh() / 3.6);
    }

    static double duration(SectionScenario s) {
        double last = 0;
        for (SectionScenario.Vehicle v : s.vehicles()) {
            last = Math.max(last, plannedCrossing(s, v, "exit"));
        }
        return Math.ceil(last + TAIL_SECONDS);
    }

    static Path write(SectionScenario s, String role, Path file) throws IOException {
        double duration = duration(s);
        StringBuilder y = new StringBuilder();
        y.append("# written by the section run ").append(s.name()).append(" for its ").append(role).append(" unit\n");
        y.append("name: ").append(s.name()).append('-').append(role).append('\n');
        y.append(String.format(Locale.ROOT, "durationSeconds: %.0f%nfps: %d%nseed: %d%n", duration, s.fps(), s.seed()));
        y.append("road:\n  laneBoundariesX: ").append(s.section().laneBoundariesX()).append('\n');
        y.append("  stopLineY: 0.0\n  exitLineY: 20.0\n  entryY: -80.0\n");
        y.append(String.format(Locale.ROOT, "signal: {greenSeconds: %.0f, amberSeconds: 3, allRedSeconds: 2, redSeconds: 10, "
                + "startPhase: green}%n", duration + 60));
        y.append("actors:\n  vehicles:\n");
        int n = 0;
        for (SectionScenario.Vehicle v : s.vehicles()) {
            if ("entry".equals(role) ? !v.enters() : !v.exits()) {
                continue;
            }
            double crossing = plannedCrossing(s, v, role);
            double enterAt = crossing - (s.section().lineY() - ENTRY_Y) / (v.speedKmh() / 3.6);
            y.append(String.format(Locale.ROOT, "    - {id: %s, kind: %s, plate: %s, lane: %s, enterAt: %.4f, speedKmh: %s, "
                    + "behaviour: run}%n", v.id(), v.kind(), v.plate(), v.lane(), enterAt, v.speedKmh()));
            n++;
        }
        if (n == 0) {
            y.setLength(y.length() - "  vehicles:\n".length());
            y.append("  vehicles: []\n");
        }
        Files.createDirectories(file.getParent());
        Files.writeString(file, y);
        return file;
    }
}
