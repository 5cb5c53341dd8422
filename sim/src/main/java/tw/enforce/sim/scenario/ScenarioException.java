package tw.enforce.sim.scenario;

/** A scenario file that cannot be read or is invalid; the message names the file, line and problem. */
public class ScenarioException extends RuntimeException {
    public ScenarioException(String message, Throwable cause) {
        super(message, cause);
    }
}
