package tw.enforce.runtime.detect;

/** What the unit cares about; model-specific labels are mapped onto these. */
public enum ObjectClass {
    CAR, MOTORCYCLE, BUS, TRUCK, BICYCLE, PERSON;

    public boolean isVehicle() {
        return this != PERSON;
    }

    /** The ids of the COCO-80 label set used by YOLOX and Ultralytics exports; null if not ours. */
    public static ObjectClass fromCoco(int cocoId) {
        return LabelMap.coco().of(cocoId);
    }
}
