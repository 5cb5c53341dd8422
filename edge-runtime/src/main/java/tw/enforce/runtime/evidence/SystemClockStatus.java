package tw.enforce.runtime.evidence;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The clock state of a Linux unit as systemd and chrony report it: {@code timedatectl show} says
 * whether the kernel clock is synchronised (NTPSynchronized=yes|no), and {@code chronyc tracking},
 * when chrony runs, gives the estimated offset ("System time : 0.000012 seconds fast of NTP time").
 * A command that is missing or fails gives "not synchronised, offset unknown": the package is then
 * marked non-enforceable, never dropped.
 */
public final class SystemClockStatus implements ViolationEvidence.ClockStatus {
    private static final Pattern SYSTEM_TIME = Pattern.compile(
            "System time\\s*:\\s*([0-9.]+) seconds (fast|slow) of NTP time");
    private final CommandRunner commands;

    /** Runs a command and returns its stdout, or empty when it cannot run or exits non-zero. */
    @FunctionalInterface
    public interface CommandRunner {
        Optional<String> run(List<String> command);
    }

    public SystemClockStatus(CommandRunner commands) {
        this.commands = commands;
    }

    public static SystemClockStatus onThisMachine() {
        return new SystemClockStatus(SystemClockStatus::exec);
    }

    @Override
    public EvidenceManifest.ClockState now() {
        Optional<String> show = commands.run(List.of("timedatectl", "show", "-p", "NTPSynchronized"));
        Optional<String> tracking = commands.run(List.of("chronyc", "tracking"));
        return parse(show.orElse(null), tracking.orElse(null));
    }

    static EvidenceManifest.ClockState parse(String timedatectlShow, String chronyTracking) {
        Double offsetMs = null;
        if (chronyTracking != null) {
            Matcher m = SYSTEM_TIME.matcher(chronyTracking);
            if (m.find()) {
                double s = Double.parseDouble(m.group(1));
                // "fast" = the unit clock is ahead of true time: a positive offset
                offsetMs = ("fast".equals(m.group(2)) ? s : -s) * 1000.0;
            }
        }
        if (timedatectlShow == null) {
            return new EvidenceManifest.ClockState("unknown", false, offsetMs, "timedatectl not available");
        }
        boolean synced = timedatectlShow.lines().map(String::strip).anyMatch("NTPSynchronized=yes"::equals);
        String source = offsetMs != null ? "timedatectl+chrony" : "timedatectl";
        String note = synced ? null : "kernel reports the clock as not synchronised";
        return new EvidenceManifest.ClockState(source, synced, offsetMs, note);
    }

    private static Optional<String> exec(List<String> command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(false).start();
            p.getOutputStream().close();
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(2, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return Optional.empty();
            }
            return p.exitValue() == 0 ? Optional.of(new String(out, StandardCharsets.UTF_8)) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }
}
