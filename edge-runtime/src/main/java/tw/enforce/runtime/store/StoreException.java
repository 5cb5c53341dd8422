package tw.enforce.runtime.store;

/** Evidence could not be stored; the package is not in the store (nothing half-visible). */
public class StoreException extends Exception {
    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
