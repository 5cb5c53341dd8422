package tw.enforce.runtime.config;

/** A config file that cannot be used; the message names the file, the line and what was expected. */
public class ConfigException extends Exception {
    public ConfigException(String message, Throwable cause) {
        super(message, cause);
    }

    public ConfigException(String message) {
        super(message);
    }
}
