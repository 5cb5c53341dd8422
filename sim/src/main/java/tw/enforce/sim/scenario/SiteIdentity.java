package tw.enforce.sim.scenario;

import java.time.LocalDate;

/** The names a generated site config gives the simulated unit, its approach and its calibration. */
public record SiteIdentity(String unitId, String siteId, String cameraId, String calibrationId,
                           LocalDate calibrationValidUntil, String approachName) {

    public SiteIdentity {
        Checks.notBlank(unitId, "unitId");
        Checks.notBlank(siteId, "siteId");
        Checks.notBlank(cameraId, "cameraId");
        Checks.notBlank(calibrationId, "calibrationId");
        Checks.notNull(calibrationValidUntil, "calibrationValidUntil");
        Checks.notBlank(approachName, "approachName");
    }

    /** A unit and site id with the rest filled in the way the demo names things. */
    public static SiteIdentity of(String unitId, String siteId) {
        return new SiteIdentity(unitId, siteId, "cam-1", "CAL-SIM-" + siteId, LocalDate.of(2027, 12, 31), "northbound");
    }
}
