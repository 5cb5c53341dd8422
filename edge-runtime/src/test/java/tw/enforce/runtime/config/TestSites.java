package tw.enforce.runtime.config;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import tw.enforce.runtime.geometry.CameraModel;
import tw.enforce.runtime.geometry.ImagePoint;

/**
 * A surveyed site with every optional section, for tests: the calibration points are lane-line
 * ends at y = −30, 0 and 20 projected through a real camera pose (1280×720, 6 m mast 48 m beyond
 * the stop line looking back at oncoming traffic, 1000 px focal length), rounded to 0.1 px.
 */
public final class TestSites {
    public static final CameraModel CAMERA = new CameraModel(0, 48, 6, 180, 8.5, 1000, 1280, 720);

    private TestSites() {
    }

    public static String calibrationPoints() {
        StringBuilder b = new StringBuilder();
        for (double y : new double[] {-30, 0, 20}) {
            for (double x : new double[] {-3.5, 0, 3.5}) {
                ImagePoint p = CAMERA.project(x, y, 0);
                b.append(String.format(Locale.ROOT, "    - {u: %.1f, v: %.1f, x: %.1f, y: %.1f}%n", p.u(), p.v(), x, y));
            }
        }
        return b.toString();
    }

    public static String full() {
        return """
                unit: {id: TPE-0001, site: TPE-XINYI-N}
                camera: {id: cam-1, width: 1280, height: 720}
                calibration:
                  id: CAL-1
                  validUntil: 2027-06-30
                  points:
                """ + calibrationPoints() + """
                approach:
                  name: northbound
                  stopLineY: 0.0
                  exitLineY: 20.0
                  junction: {xMin: -10.5, xMax: 10.5}
                  lanes:
                    - id: L1
                      xMin: -3.5
                      xMax: 0.0
                      movements: [straight, left, uTurn]
                      speedLimitKmh: 50
                      classSpeedLimitKmh: {MOTORCYCLE: 40}
                      bannedClasses: [TRUCK]
                    - id: L2
                      xMin: 0.0
                      xMax: 3.5
                      movements: [straight, right]
                      turnOnRed: [right]
                      speedLimitKmh: 50
                    - {id: L3, xMin: 3.5, xMax: 7.0, travel: opposite}
                  crosswalks:
                    - {id: CW1, yMin: 3.0, yMax: 7.0, xMin: -7.0, xMax: 7.0}
                  noStoppingZones:
                    - id: Z1
                      kind: redZone
                      maxDwellSeconds: 60
                      polygon: [{x: 3.5, y: -30}, {x: 6.0, y: -30}, {x: 6.0, y: -10}, {x: 3.5, y: -10}]
                  doubleLines:
                    - {id: D1, colour: yellow, from: {x: 3.5, y: -40.0}, to: {x: 3.5, y: 0.0}}
                signal: {redPin: 17, amberPin: 27, greenPin: 22}
                rules:
                  redLight: {graceSeconds: 0.3}
                  speed: {fromY: -25.0, toY: -5.0, marginKmh: 2.0}
                  yield: {conflictDistanceM: 3.0}
                  lineCrossing: {}
                  turn: {}
                  wrongWay: {minDistanceM: 8.0}
                  restrictedClass: {minClassAgreement: 0.8}
                  noStopping: {standingKmh: 3.0}
                  sectionSpeed: {sectionId: S1, role: entry, partnerUnit: TPE-0002, lengthM: 1200.0, limitKmh: 60.0, lineY: -10.0}
                """;
    }

    public static Path write(Path dir, String text) throws Exception {
        Path f = dir.resolve("site.yaml");
        Files.writeString(f, text);
        return f;
    }
}
