package tw.enforce.camera.health;

/** What can be wrong with a camera's picture; any of them suspends the rules that use the camera. */
public enum HealthFault {
    /** No frame for longer than the configured timeout: cable, power, network or a stalled decoder. */
    NO_SIGNAL,
    /** Consecutive frames bit-identical (or nearly): a live sensor always shows some noise. */
    FROZEN,
    /** Almost every pixel near black: lens capped, illuminator dead at night, iris shut. */
    TOO_DARK,
    /** Most pixels saturated: sun in the lens, illuminator reflected, iris open. */
    OVEREXPOSED,
    /** Sharpness (variance of the Laplacian) far below the reference view's: defocus, fog, dirt. */
    BLURRED,
    /** A large part of the reference view's texture is gone while the rest remains: something covers the lens. */
    OBSTRUCTED,
    /** The picture is shifted against the reference view: the camera was turned or knocked. */
    MOVED
}
