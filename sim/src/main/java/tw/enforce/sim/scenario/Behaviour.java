package tw.enforce.sim.scenario;

/** How a driver treats the signal. */
public enum Behaviour {
    /** Stops at the line if the light will be amber or red on arrival and stopping is comfortable; else goes. */
    OBEY,
    /** Keeps its speed whatever the light shows. */
    RUN,
    /** Always stops at the line, then goes when the light is green. */
    STOP
}
