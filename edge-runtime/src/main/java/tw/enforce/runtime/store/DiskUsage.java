package tw.enforce.runtime.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Bytes used by the package folders, and whether a failed write was the disk being full. */
final class DiskUsage {
    private DiskUsage() {
    }

    static long of(Path root) throws IOException {
        try (var files = Files.walk(root)) {
            return files.filter(Files::isRegularFile).mapToLong(f -> {
                try {
                    return Files.size(f);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }).sum();
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    /** Java reports ENOSPC only as a message; a write failing with almost no usable space left counts too. */
    static boolean isNoSpace(IOException e, Path where) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t.getMessage() != null && t.getMessage().contains("No space left on device")) {
                return true;
            }
        }
        try {
            return Files.getFileStore(where).getUsableSpace() < 64 * 1024;
        } catch (IOException ignored) {
            return false;
        }
    }
}
