package tw.enforce.runtime.detect;

public class DetectorException extends Exception {
    public DetectorException(String message, Throwable cause) {
        super(message, cause);
    }

    public DetectorException(String message) {
        super(message);
    }
}
