package tw.enforce.sync.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A throw-away CA and certificates signed by it, made with the openssl and keytool command lines:
 * {@code <name>.pem}/{@code <name>.key} (PEM, for Mosquitto), {@code <name>.p12} (PKCS#12 with the
 * chain, for Java) and {@code trust.p12} holding the CA. The server certificate carries
 * subjectAltName IP:127.0.0.1 so hostname verification passes.
 */
public final class TestCertificates {
    public static final String PASSWORD = "changeit";
    public final Path dir;

    private TestCertificates(Path dir) {
        this.dir = dir;
    }

    public static boolean toolsPresent() {
        return onPath("openssl") && onPath("keytool");
    }

    public static TestCertificates make(Path dir, String serverName, List<String> clientNames) throws IOException,
            InterruptedException {
        Files.createDirectories(dir);
        TestCertificates c = new TestCertificates(dir);
        c.run("openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes",
                "-keyout", "ca.key", "-out", "ca.pem", "-days", "2", "-subj", "/CN=enforce-test-ca");
        Files.writeString(dir.resolve("server.ext"), "subjectAltName=IP:127.0.0.1\n");
        c.sign(serverName, "server.ext");
        for (String n : clientNames) {
            c.sign(n, null);
        }
        c.run("keytool", "-importcert", "-noprompt", "-alias", "ca", "-file", "ca.pem", "-keystore", "trust.p12",
                "-storetype", "PKCS12", "-storepass", PASSWORD);
        return c;
    }

    public Path pem(String name) {
        return dir.resolve(name + ".pem");
    }

    public Path key(String name) {
        return dir.resolve(name + ".key");
    }

    public Path p12(String name) {
        return dir.resolve(name + ".p12");
    }

    public Path trust() {
        return dir.resolve("trust.p12");
    }

    public Path ca() {
        return dir.resolve("ca.pem");
    }

    private void sign(String name, String extFile) throws IOException, InterruptedException {
        run("openssl", "req", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes", "-keyout", name + ".key",
                "-out", name + ".csr", "-subj", "/CN=" + name);
        List<String> x509 = new ArrayList<>(List.of("openssl", "x509", "-req", "-in", name + ".csr", "-CA", "ca.pem",
                "-CAkey", "ca.key", "-CAcreateserial", "-out", name + ".pem", "-days", "2"));
        if (extFile != null) {
            x509.addAll(List.of("-extfile", extFile));
        }
        run(x509.toArray(String[]::new));
        run("openssl", "pkcs12", "-export", "-in", name + ".pem", "-inkey", name + ".key", "-certfile", "ca.pem",
                "-name", name, "-out", name + ".p12", "-passout", "pass:" + PASSWORD);
    }

    private void run(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("tools.log").toFile())).start();
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IOException(String.join(" ", command) + " failed; see " + dir.resolve("tools.log") + ":\n"
                    + Files.readString(dir.resolve("tools.log")));
        }
    }

    private static boolean onPath(String tool) {
        String path = System.getenv().getOrDefault("PATH", "");
        for (String d : path.split(java.io.File.pathSeparator)) {
            if (Files.isExecutable(Path.of(d, tool))) {
                return true;
            }
        }
        return false;
    }
}
