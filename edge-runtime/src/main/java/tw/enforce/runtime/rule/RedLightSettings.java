package tw.enforce.runtime.rule;

/** The geometry and tolerance the red-light rule decides with (site metres, seconds). */
public record RedLightSettings(double stopLineY, double exitLineY, double graceSeconds) {
}
