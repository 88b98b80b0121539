package dev.spirit.examples.cli;

import dev.spirit.Spirit;
import dev.spirit.kiosk.IssuedKioskToken;
import dev.spirit.kiosk.KioskCredential;
import java.io.IOException;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
    @Option(
        names = "--json",
        description = "Print one JSON object per token, one per line, oldest first.")
    boolean json;

    ListKiosks(CliContext context) {
      super(context);
    }

    @Override
    int run(Spirit spirit) throws IOException {
      PrintWriter out = out();
      Instant now = spirit.clock().instant();
      List<KioskCredential> all = spirit.kiosks().list();
      if (json) {
        for (KioskCredential k : all) {
          Map<String, Object> row = new LinkedHashMap<>();
          row.put("id", k.id());
          row.put("name", k.name());
          row.put("state", state(k, now));
          row.put("issuedAt", k.issuedAt().toString());
          row.put("expiresAt", k.expiresAt().toString());
          row.put("revokedAt", k.revokedAt().map(Instant::toString).orElse(null));
          out.println(JsonLines.write(row));
        }
        return 0;
      }
      if (all.isEmpty()) {
        out.println("no kiosk tokens issued");
        return 0;
      }
      out.println("id\tname\tstate\tissued\texpires");
      for (KioskCredential k : all) {
        String state = k.revokedAt().isPresent() ? "revoked " + k.revokedAt().get() : state(k, now);
        out.println(
            k.id() + "\t" + k.name() + "\t" + state + "\t" + k.issuedAt() + "\t" + k.expiresAt());
      }
      return 0;
    }

    private static String state(KioskCredential k, Instant now) {
      return k.revokedAt().isPresent() ? "revoked" : k.isActiveAt(now) ? "active" : "expired";
    }
  }
}
