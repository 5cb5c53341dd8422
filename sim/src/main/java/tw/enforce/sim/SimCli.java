package tw.enforce.sim;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import tw.enforce.sim.demo.DemoReport;
import tw.enforce.sim.demo.IntersectionRun;
import tw.enforce.sim.demo.RunOptions;
import tw.enforce.sim.demo.RunResult;
import tw.enforce.sim.demo.ScoreRun;
import tw.enforce.sim.score.ScoreReport;

/** `bin/sim`: the simulated intersection. Prints to stdout on purpose. */
@Command(name = "sim", mixinStandardHelpOptions = true, description = "Simulated intersection for the enforcement unit.",
        subcommands = {SimCli.Demo.class, SimCli.Score.class, SimCli.SpeedReport.class,
                tw.enforce.sim.section.SectionCommand.class})
public final class SimCli {

    public static void main(String[] args) {
        System.exit(new CommandLine(new SimCli()).setCaseInsensitiveEnumValuesAllowed(true)
                .setExecutionExceptionHandler((e, cmd, parsed) -> {
                    // bad scenario, missing model, unusable output folder: one line naming what and where
                    cmd.getErr().println("sim " + cmd.getCommandName() + ": " + e.getMessage());
                    return 2;
                })
                .execute(args));
    }

    @Command(name = "demo", description = "Run a scenario end to end: sim → unit → MQTT 5 → center, and compare with ground truth.")
    static final class Demo implements Callable<Integer> {
        @Option(names = "--scenario", description = "Scenario YAML (default: ${DEFAULT-VALUE}).",
                defaultValue = "${sys:ENFORCE_HOME:-.}/sim/scenarios/red-light-basic.yaml")
        Path scenario;

        @Option(names = "--out", description = "Output folder, replaced if it holds an earlier demo (default: ${DEFAULT-VALUE}).",
                defaultValue = "demo-output")
        Path out;

        @Option(names = "--detector", description = "auto, yolox, motion or truth (default: ${DEFAULT-VALUE}).",
                defaultValue = "auto")
        RunOptions.DetectorChoice detector;

        @Option(names = "--shared", description = "Folder with models/ and data/ (default: ${DEFAULT-VALUE}).",
                defaultValue = "${sys:enforce.shared.dir:-../shared}")
        Path shared;

        @Option(names = "--broker", description = "MQTT broker URI; default: an embedded MQTT 5 broker on loopback.")
        String broker;

        @Option(names = "--sprite-cache", description = "Where sprites cut from the photos are kept between runs (default: ${DEFAULT-VALUE}).",
                defaultValue = "${sys:ENFORCE_HOME:-.}/sim/target/sprite-cache")
        Path spriteCache;

        @Override
        public Integer call() throws Exception {
            DemoReport.prepareOutDir(out);
            RunResult r = IntersectionRun.run(new RunOptions(scenario, out, detector, shared, broker, spriteCache));
            DemoReport.print(r, System.out);
            return r.score().exact() && r.allDelivered() ? 0 : 1;
        }
    }

    @Command(name = "score", description = "Run scenarios through the unit and print, per rule, precision, recall, speed error and time-into-red error against ground truth; rules the unit does not decide are listed as such. Exit 1 when a decided rule has a wrong ticket or a miss.")
    static final class Score implements Callable<Integer> {
        @CommandLine.Parameters(arity = "1..*", paramLabel = "DIR|FILE", description = "Scenario files or folders of them (*.yaml).")
        List<Path> inputs;

        @Option(names = "--detector", defaultValue = "truth", description = "truth (fast, default), yolox, motion or auto.")
        RunOptions.DetectorChoice detector;

        @Option(names = "--out", defaultValue = "${sys:java.io.tmpdir}/sim-score", description = "Working folder, one subfolder per scenario (default: ${DEFAULT-VALUE}).")
        Path out;

        @Option(names = "--shared", defaultValue = "${sys:enforce.shared.dir:-../shared}", description = "Folder with models/ and data/.")
        Path shared;

        @Option(names = "--sprite-cache", defaultValue = "${sys:ENFORCE_HOME:-.}/sim/target/sprite-cache")
        Path spriteCache;

        @Option(names = "--json", description = "Print JSON instead of a table.")
        boolean json;

        @Override
        public Integer call() throws Exception {
            List<Path> files = new ArrayList<>();
            for (Path in : inputs) {
                if (Files.isDirectory(in)) {
                    try (Stream<Path> s = Files.list(in)) {
                        s.filter(p -> p.toString().endsWith(".yaml")).sorted().forEach(files::add);
                    }
                } else {
                    files.add(in);
                }
            }
            DemoReport.prepareOutDir(out);
            List<ScoreRun.Outcome> outcomes = new ArrayList<>();
            for (Path f : files) {
                String name = f.getFileName().toString().replaceFirst("\\.yaml$", "");
                outcomes.add(ScoreRun.score(f, out.resolve(name), detector, shared, spriteCache));
            }
            ScoreReport report = new ScoreReport(outcomes);
            if (json) {
                System.out.println(report.json());
            } else {
                report.printTable(System.out);
            }
            boolean exact = report.rules().stream().filter(ScoreReport.RuleFigures::decided)
                    .allMatch(r -> r.falsePositives() == 0 && r.missed() == 0);
            return exact ? 0 : 1;
        }
    }

    @Command(name = "speed-report", description = "Video speed error of the unit by true speed and distance from the camera, at each frame rate (ground-truth detections with noise).")
    static final class SpeedReport implements Callable<Integer> {
        @Option(names = "--fps", split = ",", defaultValue = "15,30", description = "Frame rates (default: ${DEFAULT-VALUE}).")
        List<Integer> fps;

        @Option(names = "--out", defaultValue = "${sys:java.io.tmpdir}/sim-speed-report", description = "Working folder (default: ${DEFAULT-VALUE}).")
        Path out;

        @Option(names = "--json", description = "Print JSON instead of tables.")
        boolean json;

        @Option(names = "--zone-m", defaultValue = "10", description = "Length of the speed zone, metres (default: ${DEFAULT-VALUE}).")
        double zoneM;

        @Option(names = "--runs", defaultValue = "1", description = "Runs per cell, each with its own noise seed and two cars per speed (default: ${DEFAULT-VALUE}).")
        int runs;

        @Override
        public Integer call() throws Exception {
            DemoReport.prepareOutDir(out);
            var cells = tw.enforce.sim.bench.SpeedErrorReport.run(fps, out, zoneM, runs);
            if (json) {
                System.out.println(tw.enforce.sim.bench.SpeedErrorReport.json(cells));
            } else {
                tw.enforce.sim.bench.SpeedErrorReport.print(cells, System.out);
            }
            return 0;
        }
    }
}
