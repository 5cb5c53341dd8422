package tw.enforce.runtime.config;

import com.fasterxml.jackson.annotation.JsonCreator;

/**
 * How a vehicle leaves the junction after its stop line. site.yaml writes them lower camel case
 * ({@code straight, left, right, uTurn}); manifests write the constant names ({@code U_TURN}).
 */
public enum Movement {
    STRAIGHT("straight"), LEFT("left"), RIGHT("right"), U_TURN("uTurn");

    private final String yamlName;

    Movement(String yamlName) {
        this.yamlName = yamlName;
    }

    public String yamlName() {
        return yamlName;
    }

    @JsonCreator
    public static Movement parse(String text) {
        for (Movement m : values()) {
            if (m.yamlName.equalsIgnoreCase(text) || m.name().equalsIgnoreCase(text)) {
                return m;
            }
        }
        throw new IllegalArgumentException("movement '" + text + "' is not one of straight, left, right, uTurn");
    }
}
