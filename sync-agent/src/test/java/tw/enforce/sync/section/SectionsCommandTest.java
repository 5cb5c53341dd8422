package tw.enforce.sync.section;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import tw.enforce.sync.center.CenterMain;
import tw.enforce.sync.center.CenterStore;
import tw.enforce.sync.protocol.Ed25519Keys;
import tw.enforce.sync.protocol.ManifestSummary;
import tw.enforce.sync.protocol.PackageCodec;
import tw.enforce.sync.testing.TestPassages;
import tw.enforce.sync.testing.TestPassages.Spec;

class SectionsCommandTest {
    private static final Instant T0 = Instant.parse("2026-11-26T02:00:00Z");

    @TempDir
    Path tmp;

    private record Run(int code, List<String> lines) {
    }

    private static Run run(String... args) {
        PrintStream saved = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            int code = new CommandLine(new CenterMain()).execute(args);
            return new Run(code, out.toString(StandardCharsets.UTF_8).lines().toList());
        } finally {
            System.setOut(saved);
        }
    }

    @Test
    void sectionsIndexesAStoreListsItsCasesAndVerifiesTheirRecords() throws Exception {
        Path storeDir = tmp.resolve("center");
        KeyPair key = Ed25519Keys.generate();
        TestPassages passages = new TestPassages(tmp.resolve("units"));
        try (CenterStore store = new CenterStore(storeDir, Clock.systemUTC())) {
            for (Spec s : List.of(Spec.of("A", "entry", "B", "KLA-5501", T0),
                    Spec.of("B", "exit", "A", "KLA-5501", T0.plusSeconds(40)))) {
                Path dir = passages.write(s, key.getPrivate());
                store.store(PackageCodec.read(dir), ManifestSummary.parse(Files.readAllBytes(dir.resolve("manifest.json"))));
            }
        }

        Run r = run("sections", "--store", storeDir.toString(), "--verify");

        assertEquals(0, r.code(), r.lines().toString());
        assertTrue(r.lines().stream().anyMatch(l -> l.contains("KLA5501") && l.contains("VIOLATION")
                && l.contains("108.0") && l.contains("A-00000001") && l.contains("B-00000001")), r.lines().toString());
        assertTrue(r.lines().get(r.lines().size() - 1).contains("every decision record reproduces"));
    }

    @Test
    void sectionsOfAFolderWithoutAStoreFails() {
        assertEquals(2, run("sections", "--store", tmp.resolve("none").toString()).code());
    }
}
