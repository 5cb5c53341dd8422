package tw.enforce.runtime.hardware;

import java.time.Instant;
import java.util.Map;

/**
 * The hardware part of {@code edgectl status}. Absent parts are null.
 *
 * @param cameraHealthy   false while any camera fault is raised (its rules are suspended)
 * @param cameraFaults    the raised faults and when each condition began
 * @param faultsRaised    how many times each fault was raised since start
 * @param casesSuspended  violations found but not enforced because the camera was faulty
 * @param healthAnalysis  frames analysed and mean cost per analysis
 * @param watchdog        "off", "petting" or "stalled since …"
 * @param cabinet         "closed", "open since …" or null without a door switch; {@code cabinetOpenings} counts openings
 * @param statusLed       the LED's indication, null without one
 * @param flashPulses     flash/IR pulses fired, null without a flash output
 * @param videoBackends   the loaded OpenCV build's video I/O capability
 */
public record HardwareStatus(boolean cameraHealthy, Map<String, Instant> cameraFaults, Map<String, Long> faultsRaised,
                             long casesSuspended, String healthAnalysis, String watchdog, String cabinet,
                             long cabinetOpenings, String statusLed, Long flashPulses, RadarFeed.RadarStatus radar,
                             String videoBackends) {
}
