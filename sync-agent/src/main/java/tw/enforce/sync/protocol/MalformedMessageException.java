package tw.enforce.sync.protocol;

/** Bytes from the wire (or a package folder) that do not follow the protocol; the message says what and where. */
public class MalformedMessageException extends Exception {
    public MalformedMessageException(String message) {
        super(message);
    }

    public MalformedMessageException(String message, Throwable cause) {
        super(message, cause);
    }
}
