package tw.enforce.runtime.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import tw.enforce.runtime.diag.DiagnosticsClient;
import tw.enforce.sync.protocol.Ed25519Keys;

/**
 * The field technician's tool on a unit. Prints to stdout on purpose; exit code 0 on success,
 * 1 when the thing asked about is unhealthy or absent, 2 on bad usage.
 */
@Command(name = "edgectl", mixinStandardHelpOptions = true, version = "edgectl " + Edgectl.VERSION,
        description = "Diagnostics and service commands for a roadside enforcement unit.",
        subcommands = {Edgectl.Status.class, Edgectl.Keys.class, EvidenceCommand.class, PlatesCommand.class,
                DetectCommand.class, BenchCommand.class, SiteCommand.class})
public final class Edgectl {
    public static final String VERSION = "0.1.0";
    public static final String DEFAULT_SOCKET = "/var/lib/enforce/edge.sock";

    public static void main(String[] args) {
        System.exit(new CommandLine(new Edgectl()).execute(args));
    }

    @Command(name = "status", description = "Show the running runtime's state (camera, signal, evidence, outbox).")
    static final class Status implements Callable<Integer> {
        @Option(names = "--socket", description = "Runtime diagnostics socket (default ${DEFAULT-VALUE}).",
                defaultValue = DEFAULT_SOCKET)
        Path socket;

        @Option(names = "--json", description = "Print the raw JSON.")
        boolean raw;

        @Override
        public Integer call() {
            try {
                String reply = DiagnosticsClient.request(socket, "status");
                System.out.println(raw ? reply : StatusFormat.pretty(reply));
                return 0;
            } catch (Exception e) {
                System.out.println("edgectl status: " + e.getMessage());
                return 1;
            }
        }
    }

    @Command(name = "keys", description = "Manage the unit's evidence-signing key.", subcommands = Keys.Init.class)
    static final class Keys {
        @Command(name = "init", description = "Create the unit's Ed25519 key pair if none exists (unit.key 0600, unit.pub).")
        static final class Init implements Callable<Integer> {
            @Option(names = "--dir", required = true, description = "Folder for unit.key and unit.pub.")
            Path dir;

            @Override
            public Integer call() throws Exception {
                Path priv = dir.resolve("unit.key");
                Path pub = dir.resolve("unit.pub");
                if (Files.exists(priv)) {
                    System.out.println("unit key exists, left unchanged: " + priv + " (fingerprint "
                            + Ed25519Keys.fingerprint(Ed25519Keys.readPublicKey(pub)) + ")");
                    return 0;
                }
                Files.createDirectories(dir);
                KeyPair kp = Ed25519Keys.generate();
                Ed25519Keys.writePrivateKey(priv, kp.getPrivate());
                Ed25519Keys.writePublicKey(pub, kp.getPublic());
                System.out.println("created " + priv + " and " + pub + " (fingerprint "
                        + Ed25519Keys.fingerprint(kp.getPublic()) + "); give unit.pub to the center");
                return 0;
            }
        }
    }
}
