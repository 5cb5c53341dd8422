package tw.enforce.runtime.detect;

/** What the unit cares about; model-specific labels are mapped onto these. */
public enum ObjectClass {
    CAR, MOTORCYCLE, BUS, TRUCK, BICYCLE, PERSON;

    public boolean isVehicle() {
        return this != PERSON;
    }

    /** The ids of the COCO-80 label set used by YOLOX and Ultralytics exports; null if not ours. */
    public static ObjectClass fromCoco(int cocoId) {
        return switch (cocoId) {
            case 0 -> PERSON;
            case 1 -> BICYCLE;
            case 2 -> CAR;
            case 3 -> MOTORCYCLE;
            case 5 -> BUS;
            case 7 -> TRUCK;
            default -> null;
        };
    }
}
