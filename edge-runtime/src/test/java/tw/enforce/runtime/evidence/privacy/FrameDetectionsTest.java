package tw.enforce.runtime.evidence.privacy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tw.enforce.runtime.detect.BoundingBox;
import tw.enforce.runtime.detect.Detection;
import tw.enforce.runtime.detect.ObjectClass;

class FrameDetectionsTest {

    @Test
    void theLastFramesAreKeptAndOlderOnesForgotten() {
        FrameDetections memory = new FrameDetections(3);
        for (long seq = 1; seq <= 5; seq++) {
            memory.record(seq, List.of(new Detection(new BoundingBox(seq, 0, seq + 10, 10), ObjectClass.CAR, 0.9)));
        }

        assertEquals(3, memory.size());
        assertTrue(memory.of(2).isEmpty(), "frame 2 has been forgotten");
        assertEquals(5, memory.of(5).get(0).box().x1());
        assertTrue(memory.of(99).isEmpty());
    }

    @Test
    void recordedDetectionsDoNotChangeWhenTheCallersListDoes() {
        FrameDetections memory = new FrameDetections(2);
        List<Detection> live = new ArrayList<>(List.of(new Detection(new BoundingBox(0, 0, 5, 5), ObjectClass.PERSON, 0.8)));

        memory.record(7, live);
        live.clear();

        assertEquals(1, memory.of(7).size());
        assertThrows(IllegalArgumentException.class, () -> new FrameDetections(0));
    }
}
