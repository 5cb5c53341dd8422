package tw.enforce.runtime.signal;

/** What a signal head shows, read from the controller's lamp outputs. */
public enum SignalPhase {
    GREEN, AMBER, RED,
    /** No lamp lit: controller off, flashing, or a broken wire. */
    DARK,
    /** More than one lamp lit at once: a wiring or controller fault, never enforced on. */
    CONFLICT
}
