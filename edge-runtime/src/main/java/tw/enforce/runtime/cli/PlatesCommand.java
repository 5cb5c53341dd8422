package tw.enforce.runtime.cli;

import picocli.CommandLine.Command;

/** {@code edgectl plates …}: plate reader tools. */
@Command(name = "plates", description = "Licence plate reader tools.", subcommands = PlatesEvalCommand.class)
public final class PlatesCommand {
}
