package tw.enforce.sync.center;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class CenterMainTest {
    @TempDir
    Path tmp;

    @Test
    void listPrintsOneLinePerReceivedPackageWithTheReasons() throws Exception {
        try (CenterStore store = new CenterStore(tmp, Clock.systemUTC())) {
            store.quarantine("pkg-9", "U1", 9L, Map.of("a.jpg", new byte[] {1}), List.of("a.jpg: hash mismatch"));
        }
        PrintStream saved = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int code;
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            code = new CommandLine(new CenterMain()).execute("list", "--store", tmp.toString());
        } finally {
            System.setOut(saved);
        }
        List<String> lines = out.toString(StandardCharsets.UTF_8).lines().toList();

        assertEquals(0, code);
        assertEquals(2, lines.size(), lines.toString());
        assertTrue(lines.get(1).contains("pkg-9") && lines.get(1).contains("REJECTED")
                && lines.get(1).contains("a.jpg: hash mismatch"), lines.get(1));
    }

    @Test
    void listOfAFolderWithoutAStoreFailsInsteadOfCreatingOne() {
        int code = new CommandLine(new CenterMain()).execute("list", "--store", tmp.resolve("none").toString());
        assertEquals(2, code);
        assertTrue(!tmp.resolve("none").toFile().exists());
    }
}
