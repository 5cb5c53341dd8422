package tw.enforce.runtime.config;

import com.fasterxml.jackson.annotation.JsonCreator;

/** Why stopping is forbidden in a zone; recorded with a NO_STOPPING case. */
public enum ZoneKind {
    RED_ZONE("redZone"), CROSSWALK("crosswalk"), DOUBLE_PARKING("doubleParking"), BUS_STOP("busStop");

    private final String yamlName;

    ZoneKind(String yamlName) {
        this.yamlName = yamlName;
    }

    public String yamlName() {
        return yamlName;
    }

    @JsonCreator
    public static ZoneKind parse(String text) {
        for (ZoneKind k : values()) {
            if (k.yamlName.equalsIgnoreCase(text) || k.name().equalsIgnoreCase(text)) {
                return k;
            }
        }
        throw new IllegalArgumentException("zone kind '" + text + "' is not one of redZone, crosswalk, doubleParking, busStop");
    }
}
