package tw.enforce.sync.center;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Writes a folder so that it either exists complete or not at all, even across a power cut: files
 * go into a temporary sibling and are fsynced, then the folder is renamed into place and its parent
 * fsynced (without the last step the rename itself may not survive).
 */
final class DurableFiles {
    private DurableFiles() {
    }

    /** Writes {@code files} as folder {@code target}; fails with FileAlreadyExistsException when it already exists. */
    static void writeFolder(Path target, Map<String, byte[]> files) throws IOException {
        Path parent = target.getParent();
        Files.createDirectories(parent);
        Path tmp = Files.createTempDirectory(parent, "." + target.getFileName() + ".tmp");
        try {
            for (Map.Entry<String, byte[]> f : files.entrySet()) {
                Path file = tmp.resolve(f.getKey());
                if (!file.getParent().equals(tmp)) {
                    throw new IOException("file name " + f.getKey() + " escapes its package folder");
                }
                try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                    ByteBuffer buf = ByteBuffer.wrap(f.getValue());
                    while (buf.hasRemaining()) {
                        ch.write(buf);
                    }
                    ch.force(true);
                }
            }
            syncDirectory(tmp);
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (DirectoryNotEmptyException e) {
                throw new FileAlreadyExistsException(target.toString());
            }
            syncDirectory(parent);
        } finally {
            if (Files.exists(tmp)) {
                deleteTree(tmp);
            }
        }
    }

    static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    private static void syncDirectory(Path dir) {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException e) {
            // some file systems cannot open a directory for sync; the data files are synced anyway
        }
    }
}
