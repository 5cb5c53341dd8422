package tw.enforce.sim.scenario;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonProperty;

/** How a vehicle leaves the junction after its stop line (site.yaml spells them the same way). */
public enum Movement {
    STRAIGHT("straight"),
    LEFT("left"),
    RIGHT("right"),
    @JsonProperty("uTurn") @JsonAlias({"U_TURN", "u_turn", "u-turn", "uturn"}) U_TURN("uTurn");

    private final String yamlName;

    Movement(String yamlName) {
        this.yamlName = yamlName;
    }

    /** The word site.yaml and scenario files use. */
    public String yamlName() {
        return yamlName;
    }
}
