package tw.enforce.sync.protocol;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tw.enforce.sync.testing.TestPackages;

class PackageCodecTest {
    @TempDir
    Path tmp;
    Path dir;

    @BeforeEach
    void writePackage() throws Exception {
        dir = TestPackages.write(tmp, "U1", "pkg-0001", 1, Ed25519Keys.generate().getPrivate());
    }

    @Test
    void folderRoundTripsWithEveryFileByteForByte() throws Exception {
        WirePackage decoded = PackageCodec.decode(PackageCodec.encode(dir));

        assertEquals("pkg-0001", decoded.packageId());
        assertEquals("U1", decoded.unitId());
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.toList()) {
                assertArrayEquals(Files.readAllBytes(f), decoded.files().get(f.getFileName().toString()), f.toString());
            }
        }
        assertEquals(4, decoded.files().size());
    }

    @Test
    void everyTruncationIsReportedAsMalformed() throws Exception {
        byte[] full = PackageCodec.encode(dir);
        for (int len : new int[] {0, 3, 8, 9, 40, full.length / 2, full.length - 1}) {
            MalformedMessageException e = assertThrows(MalformedMessageException.class,
                    () -> PackageCodec.decode(Arrays.copyOf(full, len)), "length " + len);
            assertTrue(e.getMessage().contains("truncated") || e.getMessage().contains("header"),
                    len + ": " + e.getMessage());
        }
        MalformedMessageException cut = assertThrows(MalformedMessageException.class,
                () -> PackageCodec.decode(Arrays.copyOf(full, full.length - 1)));
        assertTrue(cut.getMessage().contains("pkg-0001") && cut.getMessage().contains("truncated"), cut.getMessage());
    }

    @Test
    void trailingGarbageBadMagicAndUnknownVersionAreNamed() throws Exception {
        byte[] full = PackageCodec.encode(dir);
        assertTrue(assertThrows(MalformedMessageException.class, () -> PackageCodec.decode(Arrays.copyOf(full, full.length + 5)))
                .getMessage().contains("trailing"));
        byte[] magic = full.clone();
        magic[0] = 'X';
        assertTrue(assertThrows(MalformedMessageException.class, () -> PackageCodec.decode(magic)).getMessage().contains("magic"));
        byte[] version = full.clone();
        version[4] = 9;
        assertTrue(assertThrows(MalformedMessageException.class, () -> PackageCodec.decode(version)).getMessage().contains("version 9"));
    }

    @Test
    void fileNamesThatClimbOutOfTheFolderAreRefused() {
        for (String evil : new String[] {"../evil.jpg", "/etc/passwd", "a/b.jpg", "..", ".hidden", "a\u0000b"}) {
            byte[] msg = envelope("{\"files\":[{\"name\":\"" + evil.replace("\u0000", "\\u0000") + "\",\"size\":1}],"
                    + "\"packageId\":\"p\",\"unitId\":\"U1\"}", new byte[] {1});
            MalformedMessageException e = assertThrows(MalformedMessageException.class, () -> PackageCodec.decode(msg), evil);
            assertTrue(e.getMessage().contains("not a safe name"), e.getMessage());
        }
    }

    @Test
    void negativeOrHugeSizesAndDuplicateNamesAreRefused() {
        assertThrows(MalformedMessageException.class, () -> PackageCodec.decode(envelope(
                "{\"files\":[{\"name\":\"a\",\"size\":-1}],\"packageId\":\"p\",\"unitId\":\"U1\"}", new byte[0])));
        assertThrows(MalformedMessageException.class, () -> PackageCodec.decode(envelope(
                "{\"files\":[{\"name\":\"a\",\"size\":99999999999}],\"packageId\":\"p\",\"unitId\":\"U1\"}", new byte[0])));
        assertTrue(assertThrows(MalformedMessageException.class, () -> PackageCodec.decode(envelope(
                "{\"files\":[{\"name\":\"a\",\"size\":1},{\"name\":\"a\",\"size\":1}],\"packageId\":\"p\",\"unitId\":\"U1\"}",
                new byte[] {1, 2}))).getMessage().contains("twice"));
    }

    @Test
    void randomCorruptionNeverEscapesAsAnythingButMalformed() throws Exception {
        byte[] full = PackageCodec.encode(dir);
        Random random = new Random(42);
        for (int i = 0; i < 3000; i++) {
            byte[] bad = Arrays.copyOf(full, random.nextInt(full.length + 10));
            for (int k = random.nextInt(4); k >= 0 && bad.length > 0; k--) {
                bad[random.nextInt(Math.min(bad.length, 200))] = (byte) random.nextInt(256);
            }
            try {
                PackageCodec.decode(bad);
            } catch (MalformedMessageException expected) {
                // the only acceptable failure
            }
        }
        byte[] noise = new byte[5000];
        random.nextBytes(noise);
        assertThrows(MalformedMessageException.class, () -> PackageCodec.decode(noise));
    }

    @Test
    void folderWithoutManifestOrWithASubfolderCannotBeEncoded() throws Exception {
        Files.createDirectory(dir.resolve("sub"));
        MalformedMessageException e = assertThrows(MalformedMessageException.class, () -> PackageCodec.encode(dir));
        assertTrue(e.getMessage().contains("sub"), e.getMessage());

        Path empty = Files.createDirectory(tmp.resolve("empty"));
        assertThrows(NoSuchFileException.class, () -> PackageCodec.encode(empty));
        assertThrows(NoSuchFileException.class, () -> PackageCodec.encode(tmp.resolve("missing")));
    }

    @Test
    void wirePackageEncodesWithoutAFolder() throws Exception {
        WirePackage p = new WirePackage("p1", "U2", Map.of("b.bin", new byte[] {2}, "a.bin", new byte[0]));
        WirePackage back = PackageCodec.decode(PackageCodec.encode(p));
        assertEquals(p.files().keySet(), back.files().keySet());
        assertArrayEquals(new byte[] {2}, back.files().get("b.bin"));
    }

    private static byte[] envelope(String header, byte[] body) {
        byte[] h = header.getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(PackageCodec.MAGIC);
        out.write(PackageCodec.VERSION);
        out.writeBytes(ByteBuffer.allocate(4).putInt(h.length).array());
        out.writeBytes(h);
        out.writeBytes(body);
        return out.toByteArray();
    }
}
