package tw.enforce.sync.protocol;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CanonicalJsonTest {
    record Inner(String zeta, int alpha) {
    }

    record Outer(String unitId, long sequence, Inner inner, Map<String, Integer> counts, List<Inner> list) {
    }

    @Test
    void recordsMapsAndNestedValuesComeOutSortedWithoutWhitespace() {
        Map<String, Integer> counts = new LinkedHashMap<>();
        counts.put("b", 2);
        counts.put("a", 1);
        Outer o = new Outer("U1", 7, new Inner("z", 1), counts, List.of(new Inner("y", 2)));

        String json = new String(CanonicalJson.write(o), StandardCharsets.UTF_8);

        assertEquals("{\"counts\":{\"a\":1,\"b\":2},\"inner\":{\"alpha\":1,\"zeta\":\"z\"},"
                + "\"list\":[{\"alpha\":2,\"zeta\":\"y\"}],\"sequence\":7,\"unitId\":\"U1\"}", json);
    }

    @Test
    void treeNodesAreSortedAndReadingThenWritingGivesTheSameBytes() throws Exception {
        byte[] messy = "{ \"z\": 1, \"a\": { \"y\": [1, 2], \"b\": \"é\" } }".getBytes(StandardCharsets.UTF_8);
        byte[] canonical = CanonicalJson.write(CanonicalJson.read(messy));

        assertEquals("{\"a\":{\"b\":\"é\",\"y\":[1,2]},\"z\":1}", new String(canonical, StandardCharsets.UTF_8));
        assertArrayEquals(canonical, CanonicalJson.write(CanonicalJson.read(canonical)));
    }

    @Test
    void duplicateKeysAreRefusedBecauseTheyMakeOneSignatureMeanTwoThings() {
        MalformedMessageException e = assertThrows(MalformedMessageException.class,
                () -> CanonicalJson.read("{\"a\":1,\"a\":2}".getBytes(StandardCharsets.UTF_8)));
        assertTrue(e.getMessage().contains("a"), e.getMessage());
    }

    @Test
    void garbageAndTrailingTokensAreMalformed() {
        assertThrows(MalformedMessageException.class, () -> CanonicalJson.read("{\"a\":".getBytes(StandardCharsets.UTF_8)));
        assertThrows(MalformedMessageException.class, () -> CanonicalJson.read("{} {}".getBytes(StandardCharsets.UTF_8)));
        assertThrows(MalformedMessageException.class, () -> CanonicalJson.read(new byte[0]));
    }
}
