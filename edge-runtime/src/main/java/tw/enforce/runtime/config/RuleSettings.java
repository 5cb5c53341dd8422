package tw.enforce.runtime.config;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The optional rule sections of site.yaml ({@code rules.speed}, {@code rules.yield}, …). A section
 * present enables its rule; the geometry it needs is checked by {@link SiteGeometry} at load.
 */
public final class RuleSettings {
    private RuleSettings() {
    }

    /** Speed zone [fromY, toY] along the approach; ticket above limit + margin; radar disagreement beyond tolerance voids. */
    public record Speed(@JsonProperty(required = true) double fromY,
                        @JsonProperty(required = true) double toY,
                        Double marginKmh,
                        Double radarToleranceKmh) {
        public Speed {
            if (!(toY > fromY)) {
                throw new IllegalArgumentException("rules.speed: toY (" + toY + ") must lie beyond fromY (" + fromY + ")");
            }
            if (toY - fromY < 5) {
                throw new IllegalArgumentException("rules.speed: the zone must be at least 5 m long, got " + (toY - fromY) + " m");
            }
            marginKmh = marginKmh == null ? 0.0 : marginKmh;
            radarToleranceKmh = radarToleranceKmh == null ? 3.0 : radarToleranceKmh;
            if (marginKmh < 0 || marginKmh > 30) {
                throw new IllegalArgumentException("rules.speed.marginKmh must be 0..30, got " + marginKmh);
            }
            if (radarToleranceKmh <= 0 || radarToleranceKmh > 30) {
                throw new IllegalArgumentException("rules.speed.radarToleranceKmh must be in (0, 30], got " + radarToleranceKmh);
            }
        }

        public double middleY() {
            return (fromY + toY) / 2;
        }
    }

    public record Yield(Double conflictDistanceM) {
        public Yield {
            conflictDistanceM = conflictDistanceM == null ? 3.0 : conflictDistanceM;
            if (conflictDistanceM <= 0 || conflictDistanceM > 20) {
                throw new IllegalArgumentException("rules.yield.conflictDistanceM must be in (0, 20], got " + conflictDistanceM);
            }
        }
    }

    public record LineCrossing() {
    }

    public record Turn() {
    }

    public record WrongWay(Double minDistanceM) {
        public WrongWay {
            minDistanceM = minDistanceM == null ? 8.0 : minDistanceM;
            if (minDistanceM < 1 || minDistanceM > 100) {
                throw new IllegalArgumentException("rules.wrongWay.minDistanceM must be 1..100, got " + minDistanceM);
            }
        }
    }

    /** checkY null = the lane's stop line (see {@link SiteConfig.Approach#stopLineY(SiteConfig.Lane)}). */
    public record RestrictedClass(Double checkY, Double minClassAgreement) {
        public RestrictedClass {
            minClassAgreement = minClassAgreement == null ? 0.8 : minClassAgreement;
            if (minClassAgreement < 0.5 || minClassAgreement > 1) {
                throw new IllegalArgumentException("rules.restrictedClass.minClassAgreement must be 0.5..1, got " + minClassAgreement);
            }
        }
    }

    public record NoStopping(Double standingKmh) {
        public NoStopping {
            standingKmh = standingKmh == null ? 3.0 : standingKmh;
            if (standingKmh <= 0 || standingKmh > 15) {
                throw new IllegalArgumentException("rules.noStopping.standingKmh must be in (0, 15], got " + standingKmh);
            }
        }
    }

    /** This unit's end of a section-speed pair: passages are recorded when the front crosses lineY. */
    public record SectionSpeed(@JsonProperty(required = true) String sectionId,
                               @JsonProperty(required = true) String role,
                               @JsonProperty(required = true) String partnerUnit,
                               @JsonProperty(required = true) double lengthM,
                               @JsonProperty(required = true) double limitKmh,
                               @JsonProperty(required = true) double lineY) {
        public SectionSpeed {
            SiteConfig.requireId("rules.sectionSpeed.sectionId", sectionId);
            SiteConfig.requireId("rules.sectionSpeed.partnerUnit", partnerUnit);
            if (!"entry".equals(role) && !"exit".equals(role)) {
                throw new IllegalArgumentException("rules.sectionSpeed.role must be entry or exit, got '" + role + "'");
            }
            if (lengthM < 100 || lengthM > 100_000) {
                throw new IllegalArgumentException("rules.sectionSpeed.lengthM must be 100..100000 m, got " + lengthM);
            }
            if (limitKmh <= 0 || limitKmh > 200) {
                throw new IllegalArgumentException("rules.sectionSpeed.limitKmh must be in (0, 200], got " + limitKmh);
            }
        }
    }
}
