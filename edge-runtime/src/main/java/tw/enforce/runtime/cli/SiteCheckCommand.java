package tw.enforce.runtime.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import tw.enforce.runtime.config.ConfigException;
import tw.enforce.runtime.config.SiteConfig;
import tw.enforce.runtime.config.SiteConfigLoader;
import tw.enforce.runtime.config.SiteElement;
import tw.enforce.runtime.config.SiteGeometry;
import tw.enforce.runtime.config.SitePoint;
import tw.enforce.runtime.geometry.Homography;
import tw.enforce.runtime.geometry.ImagePoint;
import tw.enforce.runtime.geometry.WorldPoint;
import tw.enforce.runtime.rule.RuleRegistry;

/**
 * Validates a site file exactly as the runtime does at start, then shows what the installer needs
 * to judge the survey: each calibration point's reprojection error, their mean and max, the rules
 * the file enables, and where every painted element lands in the image (to hold against a frame).
 */
@Command(name = "check", description = "Validate a site.yaml as the runtime would; print the reprojection error per "
        + "surveyed point (mean, max), the enabled rules and the image position of every element. Exit 1 if refused.")
final class SiteCheckCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "FILE", description = "The site.yaml to check.")
    Path file;

    @Override
    public Integer call() {
        SiteConfigLoader.LoadedSite site;
        try {
            site = SiteConfigLoader.load(file);
        } catch (ConfigException e) {
            System.out.println("REFUSED " + e.getMessage());
            return 1;
        }
        report(site).forEach(System.out::println);
        return 0;
    }

    static List<String> report(SiteConfigLoader.LoadedSite site) {
        SiteConfig c = site.config();
        List<String> out = new ArrayList<>();
        out.add(String.format(Locale.ROOT, "OK %s: unit %s, site %s, camera %s %dx%d, calibration %s valid until %s",
                site.file(), c.unit().id(), c.unit().site(), c.camera().id(), c.camera().width(), c.camera().height(),
                c.calibration().id(), c.calibration().validUntil()));
        out.add("calibration points (image px -> surveyed m | mapped m | error m):");
        Homography h = site.imageToWorld();
        double sum = 0;
        double max = 0;
        int i = 1;
        for (SiteConfig.CalibrationPoint p : c.calibration().points()) {
            WorldPoint mapped = h.toWorld(new ImagePoint(p.u(), p.v()));
            double err = mapped.distanceTo(new WorldPoint(p.x(), p.y()));
            sum += err;
            max = Math.max(max, err);
            out.add(String.format(Locale.ROOT, "  #%-2d (%7.1f, %6.1f) -> (%7.2f, %7.2f) | (%7.2f, %7.2f) | %.3f",
                    i++, p.u(), p.v(), p.x(), p.y(), mapped.x(), mapped.y(), err));
        }
        out.add(String.format(Locale.ROOT, "reprojection error: mean %.3f m, max %.3f m, rms %.3f m over %d points",
                sum / c.calibration().points().size(), max, site.reprojectionErrorM(), c.calibration().points().size()));
        out.add("rules enabled: " + String.join(", ", RuleRegistry.forSite(c).names()));
        out.add("elements (site m -> image px):");
        Homography toImage = site.worldToImage();
        for (SiteElement e : SiteGeometry.elements(c)) {
            List<String> pts = new ArrayList<>();
            for (SitePoint p : e.points()) {
                ImagePoint ip = SiteGeometry.project(c, toImage, p);
                boolean inside = ip != null && ip.u() >= 0 && ip.v() >= 0 && ip.u() <= c.camera().width() && ip.v() <= c.camera().height();
                pts.add(String.format(Locale.ROOT, "(%.1f, %.1f)->%s", p.x(), p.y(), ip == null ? "beyond horizon"
                        : String.format(Locale.ROOT, "(%.0f, %.0f)%s", ip.u(), ip.v(), inside ? "" : " OUTSIDE")));
            }
            out.add("  " + e.name() + ": " + String.join(" ", pts));
        }
        return out;
    }
}
