package tw.enforce.sync.protocol;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ChunkTest {

    @Test
    void piecesRoundTripAndJoinBackToTheEnvelope() throws Exception {
        byte[] envelope = new byte[10_000];
        new Random(3).nextBytes(envelope);
        List<Chunk> pieces = Chunk.split("pkg-1", "U1", envelope, 3000);

        assertEquals(4, pieces.size());
        ByteArrayOutputStream joined = new ByteArrayOutputStream();
        for (Chunk c : pieces) {
            byte[] wire = c.encode();
            assertTrue(Chunk.isChunk(wire));
            Chunk back = Chunk.decode(wire);
            assertEquals(c.index(), back.index());
            assertEquals(4, back.count());
            assertEquals(PackageFiles.sha256Hex(envelope), back.sha256());
            joined.write(back.data());
        }
        assertArrayEquals(envelope, joined.toByteArray());
    }

    @Test
    void aWholePackageEnvelopeIsNotAChunk() {
        byte[] v1 = Arrays.copyOf(PackageCodec.MAGIC, 9);
        v1[4] = 1;
        assertFalse(Chunk.isChunk(v1));
    }

    @Test
    void chunkWithAnIndexOutsideItsCountIsMalformed() {
        Chunk bad = new Chunk("pkg-1", "U1", 5, 3, 10, "a".repeat(64), new byte[] {1});
        MalformedMessageException e = assertThrows(MalformedMessageException.class, () -> Chunk.decode(bad.encode()));
        assertTrue(e.getMessage().contains("out of range"), e.getMessage());
    }

    @Test
    void chunkWithAnUnsafePackageIdIsMalformed() {
        Chunk bad = new Chunk("../etc", "U1", 0, 1, 1, "a".repeat(64), new byte[] {1});
        assertThrows(MalformedMessageException.class, () -> Chunk.decode(bad.encode()));
    }
}
