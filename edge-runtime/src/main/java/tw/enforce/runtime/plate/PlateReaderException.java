package tw.enforce.runtime.plate;

public class PlateReaderException extends Exception {
    public PlateReaderException(String message, Throwable cause) {
        super(message, cause);
    }

    public PlateReaderException(String message) {
        super(message);
    }
}
