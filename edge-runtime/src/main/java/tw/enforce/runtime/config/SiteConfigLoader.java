package tw.enforce.runtime.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import tw.enforce.runtime.geometry.Homography;

/**
 * Reads site.yaml, binds it strictly and checks what a record cannot check alone: that the
 * surveyed points give a usable homography and that the elements fit together and are visible
 * ({@link SiteGeometry}). The file's SHA-256 goes into every evidence package.
 */
public final class SiteConfigLoader {
    private SiteConfigLoader() {
    }

    public static LoadedSite load(Path file) throws ConfigException {
        SiteConfig config = YamlRecords.load(file, SiteConfig.class);
        Homography imageToWorld;
        try {
            SiteGeometry.checkSurvey(config);
            imageToWorld = Homography.imageToWorld(config.calibration().pairs());
        } catch (IllegalArgumentException e) {
            throw new ConfigException(file + ": calibration.points: " + e.getMessage(), e);
        }
        double rms = imageToWorld.rmsErrorMetres(config.calibration().pairs());
        if (rms > 0.5) {
            throw new ConfigException(file + ": calibration.points: surveyed points disagree with any single "
                    + "road plane (reprojection error " + String.format("%.2f", rms) + " m > 0.5 m); re-survey");
        }
        try {
            SiteGeometry.check(config, imageToWorld.inverse());
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new ConfigException(file + ": " + e.getMessage(), e);
        }
        return new LoadedSite(file, config, imageToWorld, rms, sha256(file));
    }

    private static String sha256(Path file) throws ConfigException {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
        } catch (IOException | NoSuchAlgorithmException e) {
            throw new ConfigException(file + ": cannot hash: " + e.getMessage(), e);
        }
    }

    /** A validated site with what was derived from it. */
    public record LoadedSite(Path file, SiteConfig config, Homography imageToWorld, double reprojectionErrorM,
                             String sha256) {
        public Homography worldToImage() {
            return imageToWorld.inverse();
        }
    }
}
