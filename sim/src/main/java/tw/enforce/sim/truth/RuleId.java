package tw.enforce.sim.truth;

/**
 * The rules a unit enforces, by the id its manifests carry ({@code rule}) and the word scenario
 * files are named with. {@code matchWindowSeconds} is how far a unit's event time may lie from
 * the true one for the case to count as that offence: tight where the decisive instant is a
 * line crossing of the front, wider where it depends on when the track was first seen (wrong way)
 * or on a speed threshold (dwell start), or where the box's ground point and the front bumper
 * part ways (a vehicle yawed across a line).
 */
public enum RuleId {
    RED_LIGHT("red-light", 0.5),
    SPEED("speed", 0.5),
    YIELD("yield", 0.5),
    LINE_CROSSING("line-crossing", 1.5),
    ILLEGAL_TURN("turn", 0.5),
    WRONG_WAY("wrong-way", 2.0),
    RESTRICTED_CLASS("class", 0.5),
    NO_STOPPING("parking", 2.5),
    SECTION_SPEED("section-speed", 1.0);

    private final String word;
    private final double matchWindowSeconds;

    RuleId(String word, double matchWindowSeconds) {
        this.word = word;
        this.matchWindowSeconds = matchWindowSeconds;
    }

    public String word() {
        return word;
    }

    public double matchWindowSeconds() {
        return matchWindowSeconds;
    }

    /** The rule for a manifest id, or null for one this simulator does not know. */
    public static RuleId ofManifest(String id) {
        for (RuleId r : values()) {
            if (r.name().equals(id)) {
                return r;
            }
        }
        return null;
    }
}
