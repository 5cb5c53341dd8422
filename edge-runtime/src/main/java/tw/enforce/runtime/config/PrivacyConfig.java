package tw.enforce.runtime.config;

/**
 * What the overview images of a package may show ({@code evidence.privacy}, optional): faces and
 * the plates of vehicles that are not the offender are masked unless switched off; the unmasked
 * original is kept, as its own signed file, only when the policy asks for it.
 *
 * <p>{@code faceCascade}: {@code auto} (default) uses Debian's opencv-data frontal-face cascade
 * when it is installed and head regions of person boxes alone otherwise; {@code none} uses the
 * head regions only; anything else is the path of an OpenCV Haar cascade XML file.
 * {@code maskOffenderOccupants}: also mask faces inside the offender's own box (riders, drivers).
 */
public record PrivacyConfig(Boolean maskFaces, Boolean maskOtherPlates, Boolean keepOriginal,
                            Boolean maskOffenderOccupants, String faceCascade, Integer jpegQuality) {
    public static final String AUTO = "auto";
    public static final String NONE = "none";
    public static final PrivacyConfig DEFAULTS = new PrivacyConfig(null, null, null, null, null, null);

    public PrivacyConfig {
        maskFaces = maskFaces == null ? Boolean.TRUE : maskFaces;
        maskOtherPlates = maskOtherPlates == null ? Boolean.TRUE : maskOtherPlates;
        keepOriginal = keepOriginal == null ? Boolean.FALSE : keepOriginal;
        maskOffenderOccupants = maskOffenderOccupants == null ? Boolean.FALSE : maskOffenderOccupants;
        faceCascade = faceCascade == null || faceCascade.isBlank() ? AUTO : faceCascade.strip();
        jpegQuality = jpegQuality == null ? 95 : jpegQuality;
        if (jpegQuality < 50 || jpegQuality > 100) {
            throw new IllegalArgumentException("evidence.privacy.jpegQuality must be 50..100, got " + jpegQuality);
        }
    }

    /** Nothing to mask: the overview images go into the package as captured. */
    public boolean masksNothing() {
        return !maskFaces && !maskOtherPlates;
    }
}
