package tw.enforce.runtime.cli;

import picocli.CommandLine.Command;

/** {@code edgectl site ...}: commands about the site configuration. */
@Command(name = "site", description = "Check a site configuration (site.yaml).", subcommands = {SiteCheckCommand.class})
final class SiteCommand {
}
