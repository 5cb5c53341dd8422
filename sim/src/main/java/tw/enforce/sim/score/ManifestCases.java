package tw.enforce.sim.score;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import tw.enforce.sync.protocol.CanonicalJson;
import tw.enforce.sync.protocol.MalformedMessageException;

/** Reads a red-light case out of a package folder's manifest.json, wherever the folder is (unit or center). */
public final class ManifestCases {
    private ManifestCases() {
    }

    public static DecidedCase read(Path packageDir) throws IOException {
        Path file = packageDir.resolve("manifest.json");
        JsonNode m;
        try {
            m = CanonicalJson.read(Files.readAllBytes(file));
        } catch (MalformedMessageException e) {
            throw new IOException(file + ": unreadable manifest: " + e.getMessage(), e);
        }
        JsonNode meas = m.get("measurement");
        if (meas == null || !meas.hasNonNull("stopLineCrossing")) {
            throw new IOException(file + ": no red-light measurement");
        }
        return new DecidedCase(m.get("packageId").asText(), Instant.parse(meas.get("stopLineCrossing").asText()),
                meas.get("timeIntoRedSeconds").asDouble(), m.path("lane").asText(null),
                m.path("vehicle").path("plate").path("text").asText(null));
    }
}
