package tw.enforce.runtime.passage;

import java.util.Optional;
import tw.enforce.runtime.config.RuleSettings;
import tw.enforce.runtime.config.SiteConfig;

/**
 * This unit's end of a section-speed pair, as {@code rules.sectionSpeed} in site.yaml gives it: the
 * section id both units share, this unit's role ({@code entry} or {@code exit}), the unit at the
 * other end, the distance between the two units' lines, the limit, and the line (site metres, a
 * line of constant y) whose crossing by a vehicle's front is its passage.
 */
public record SectionSettings(String sectionId, String role, String partnerUnit, double lengthM, double limitKmh,
                              double lineY) {
    public SectionSettings {
        if (!"entry".equals(role) && !"exit".equals(role)) {
            throw new IllegalArgumentException("rules.sectionSpeed.role must be entry or exit, got '" + role + "'");
        }
        if (!(lengthM > 0) || !(limitKmh > 0)) {
            throw new IllegalArgumentException("rules.sectionSpeed.lengthM and limitKmh must be positive, got "
                    + lengthM + ", " + limitKmh);
        }
    }

    /** The site's {@code rules.sectionSpeed}, when this unit is one end of a section. */
    public static Optional<SectionSettings> fromSite(SiteConfig site) {
        RuleSettings.SectionSpeed s = site.rules().sectionSpeed();
        return s == null ? Optional.empty() : Optional.of(new SectionSettings(s.sectionId(), s.role(), s.partnerUnit(),
                s.lengthM(), s.limitKmh(), s.lineY()));
    }
}
