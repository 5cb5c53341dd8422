package tw.enforce.radar;

/** A radar line that does not follow {@link RadarLineProtocol}; the message names the line and what is wrong. */
public class RadarFormatException extends Exception {
    public RadarFormatException(String message) {
        super(message);
    }
}
