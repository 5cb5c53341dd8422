package tw.enforce.sync.mqtt;

public class TransportException extends Exception {
    public TransportException(String message, Throwable cause) {
        super(message, cause);
    }
}
