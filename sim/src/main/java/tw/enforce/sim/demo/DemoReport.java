package tw.enforce.sim.demo;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import tw.enforce.sim.score.DecidedCase;
import tw.enforce.sim.score.RedLightScore;
import tw.enforce.sim.truth.VehicleTruth;
import tw.enforce.sync.center.StoredPackage;

/** The demo's printout: truth against findings, what the center verified, what the unit saw acknowledged. */
public final class DemoReport {
    private static final String MARKER = ".enforce-demo-output";

    private DemoReport() {
    }

    /** Empties an earlier demo's folder; refuses to touch a non-empty folder that is not one. */
    public static void prepareOutDir(Path out) throws IOException {
        if (Files.isDirectory(out) && !Files.exists(out.resolve(MARKER))) {
            try (Stream<Path> s = Files.list(out)) {
                if (s.findAny().isPresent()) {
                    throw new IOException(out + " exists and is not a demo output folder: choose another --out");
                }
            }
        }
        if (Files.exists(out)) {
            try (Stream<Path> walk = Files.walk(out)) {
                for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
        Files.createDirectories(out);
        Files.createFile(out.resolve(MARKER));
    }

    public static void print(RunResult r, PrintStream out) {
        out.printf("Scenario %s: %d frames, %.1f s simulated, %.1f s wall%n", r.truth().scenarioName(), r.frames(),
                r.simSeconds(), r.wallSeconds());
        out.printf("Detector: %s — %s%n", r.detector(), r.detectorNote());
        out.printf("Scenery:  %s%n%n", r.scenery());
        out.println("Ground truth red-light violators, and what the unit found:");
        RedLightScore s = r.score();
        for (RedLightScore.Match m : s.matches()) {
            VehicleTruth v = m.truth();
            out.printf("  FOUND   %-4s %-9s lane %-3s %.3f s into red; unit measured %.3f s (error %+.0f ms), read plate %s -> %s%n",
                    v.vehicleId(), v.plate(), v.lane(), v.timeIntoRedSeconds(), m.decided().timeIntoRedSeconds(),
                    m.timeIntoRedErrorSeconds() * 1000, m.decided().plate() == null ? "(none)" : m.decided().plate(),
                    m.decided().packageId());
        }
        for (VehicleTruth v : s.missed()) {
            out.printf("  MISSED  %-4s %-9s lane %-3s %.3f s into red%n", v.vehicleId(), v.plate(), v.lane(),
                    v.timeIntoRedSeconds());
        }
        for (DecidedCase c : s.falsePositives()) {
            out.printf("  FALSE   %s: unit says %.3f s into red at %s, no violator crossed then%n", c.packageId(),
                    c.timeIntoRedSeconds(), c.stopLineCrossing());
        }
        out.printf("  precision %.2f, recall %.2f%n%n", s.precision(), s.recall());
        out.println("Center (verified Ed25519 signature and every file hash) holds:");
        for (StoredPackage p : r.center()) {
            out.printf("  %-22s seq %-3d %s%s%n", p.packageId(), p.sequence(), p.status(),
                    p.failureReasons().isEmpty() ? "" : " " + p.failureReasons());
        }
        out.println("Unit outbox: " + r.outbox());
        out.println();
        out.println("edgectl status (over the unit's diagnostics socket):");
        out.println("  " + r.unitStatus());
        out.println();
        out.println("Evidence left for inspection in " + r.outDir().toAbsolutePath().normalize()
                + " (unit/evidence/*, center/, ground-truth.json)");
        out.println(s.exact() && r.allDelivered()
                ? "RESULT: exactly the ground-truth violators were found, verified at the center and acknowledged."
                : "RESULT: MISMATCH — see above.");
    }
}
