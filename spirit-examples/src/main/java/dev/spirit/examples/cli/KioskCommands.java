package dev.spirit.examples.cli;

import dev.spirit.Spirit;
import dev.spirit.kiosk.IssuedKioskToken;
import dev.spirit.kiosk.KioskCredential;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code spirit kiosk issue|revoke|list}: the bearer tokens of kiosk devices. */
@Command(
    name = "kiosk",
    mixinStandardHelpOptions = true,
    description =
        "Issue, revoke and list the bearer tokens kiosk devices send to the intake API"
            + " (stored as hashes; a token is shown once, when issued).",
    synopsisSubcommandLabel = "(issue | revoke | list)")
final class KioskCommands implements Runnable {

  @Override
  public void run() {
    // Only reached without a subcommand; SpiritCli shows the usage then.
  }

  /** {@code spirit kiosk issue NAME}. */
  @Command(
      name = "issue",
      mixinStandardHelpOptions = true,
      description = "Issue a token for a device and print it once; only its hash is stored.")
  static final class Issue extends StoreCommand {
    @Parameters(paramLabel = "NAME", description = "The device's name, e.g. yuzhong-library-1.")
    String name = "";

    @Option(
        names = "--valid-for",
        paramLabel = "DURATION",
        defaultValue = "P90D",
        description = "How long the token is accepted, ISO-8601 (default: ${DEFAULT-VALUE}).")
    Duration validFor = Duration.ofDays(90);

    Issue(CliContext context) {
      super(context);
    }

    @Override
    int run(Spirit spirit) {
      IssuedKioskToken issued = spirit.kiosks().issue(name, validFor);
      PrintWriter out = out();
      out.println("issued kiosk token " + issued.credential().id() + " for " + name);
      out.println("expires " + issued.credential().expiresAt());
      out.println("token (shown only now; configure the device with it):");
      out.println(issued.token());
      return 0;
    }
  }

  /** {@code spirit kiosk revoke ID}. */
  @Command(
      name = "revoke",
      mixinStandardHelpOptions = true,
      description = "Revoke a device's token: it is refused from now on.")
  static final class Revoke extends StoreCommand {
    @Parameters(paramLabel = "ID", description = "The token id (see spirit kiosk list).")
    String id = "";

    Revoke(CliContext context) {
      super(context);
    }

    @Override
    int run(Spirit spirit) {
      KioskCredential k = spirit.kiosks().revoke(id);
      out().println("revoked kiosk token " + k.id() + " (" + k.name() + ")");
      return 0;
    }
  }

  /** {@code spirit kiosk list}. */
  @Command(
      name = "list",
      mixinStandardHelpOptions = true,
      description = "List the issued tokens with their state (never their secrets).")
  static final class ListKiosks extends StoreCommand {
    ListKiosks(CliContext context) {
      super(context);
    }

    @Override
    int run(Spirit spirit) {
      PrintWriter out = out();
      Instant now = spirit.clock().instant();
      if (spirit.kiosks().list().isEmpty()) {
        out.println("no kiosk tokens issued");
        return 0;
      }
      out.println("id\tname\tstate\tissued\texpires");
      for (KioskCredential k : spirit.kiosks().list()) {
        String state =
            k.revokedAt().isPresent()
                ? "revoked " + k.revokedAt().get()
                : k.isActiveAt(now) ? "active" : "expired";
        out.println(
            k.id() + "\t" + k.name() + "\t" + state + "\t" + k.issuedAt() + "\t" + k.expiresAt());
      }
      return 0;
    }
  }
}
