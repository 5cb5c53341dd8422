package tw.enforce.runtime.detect;

import java.util.Map;
import java.util.TreeMap;

/**
 * How a model's class ids map onto {@link ObjectClass}: {@code classCount} is the number of class
 * scores the model emits (it fixes the output shape), {@code classes} names the ids the unit uses;
 * every other id is dropped. A city that fine-tunes a detector on its own scooters or trucks maps
 * its labels here instead of changing code.
 */
public record LabelMap(int classCount, Map<Integer, ObjectClass> classes) {
    private static final Map<Integer, ObjectClass> COCO = Map.of(
            0, ObjectClass.PERSON, 1, ObjectClass.BICYCLE, 2, ObjectClass.CAR,
            3, ObjectClass.MOTORCYCLE, 5, ObjectClass.BUS, 7, ObjectClass.TRUCK);
    private static final LabelMap COCO_80 = new LabelMap(80, COCO);

    public LabelMap {
        if (classCount < 1 || classCount > 10_000) {
            throw new IllegalArgumentException("classCount must be 1..10000 class scores, was " + classCount);
        }
        if (classes == null || classes.isEmpty()) {
            throw new IllegalArgumentException("labels must map at least one model class id to a unit class");
        }
        for (Map.Entry<Integer, ObjectClass> e : classes.entrySet()) {
            if (e.getKey() == null || e.getKey() < 0 || e.getKey() >= classCount) {
                throw new IllegalArgumentException("label id " + e.getKey() + " is outside the model's " + classCount
                        + " classes (0.." + (classCount - 1) + ")");
            }
            if (e.getValue() == null) {
                throw new IllegalArgumentException("label id " + e.getKey() + " maps to no class");
            }
        }
        classes = Map.copyOf(new TreeMap<>(classes));
    }

    /** The COCO-80 label set of the YOLOX and Ultralytics releases. */
    public static LabelMap coco() {
        return COCO_80;
    }

    /** The COCO ids that exist among the first {@code classCount} classes (decoders built by class count). */
    static LabelMap cocoPrefix(int classCount) {
        if (classCount == 80) {
            return COCO_80;
        }
        Map<Integer, ObjectClass> kept = new TreeMap<>();
        COCO.forEach((id, c) -> {
            if (id < classCount) {
                kept.put(id, c);
            }
        });
        return kept.isEmpty() ? new LabelMap(classCount, Map.of(0, ObjectClass.PERSON)) : new LabelMap(classCount, kept);
    }

    /** The unit's class for a model class id, or null when the unit does not track it. */
    public ObjectClass of(int id) {
        return classes.get(id);
    }
}
