package dev.spirit.examples.cli;

import dev.spirit.Spirit;
import dev.spirit.campaign.Campaign;
import dev.spirit.error.SpiritException;
import dev.spirit.examples.demo.ChongqingDemo;
import dev.spirit.examples.web.MessageBoard;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code spirit serve}: the web message board on a store, until interrupted. */
@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    description = {
      "Serve the web message board: a public page per open campaign at /c/SLUG, the moderator"
          + " queue at /moderate/SLUG, and the kiosk API POST /api/campaigns/ID/submissions.",
      "With --campaign and --lexicon/--allow, the files are attached to that campaign at start"
          + " (a new lexicon revision unless the stored one has the same content) and again"
          + " whenever they change (checked every 2 seconds), with no restart; a bad file is"
          + " reported and the stored lexicon stays in force. Other instances on the same store"
          + " pick up a change within seconds.",
      "Stops on Ctrl-C."
    })
final class ServeCommand extends StoreCommand {
  @Option(
      paramLabel = "HOST",
      names = "--host",
      defaultValue = "127.0.0.1",
      description = "Address to listen on (default: ${DEFAULT-VALUE}).")
  String host = "127.0.0.1";

  @Option(
      paramLabel = "PORT",
      names = "--port",
      defaultValue = "8080",
      description = "Port (default: ${DEFAULT-VALUE}).")
  int port;

  @Option(
      paramLabel = "TOKEN",
      names = "--moderator-token",
      defaultValue = "${env:SPIRIT_MODERATOR_TOKEN}",
      required = true,
      description =
          "Token moderators sign in with, at least 12 characters (or $SPIRIT_MODERATOR_TOKEN).")
  String token = "";

  @Option(
      paramLabel = "N",
      names = "--posts-per-minute",
      defaultValue = "30",
      description = "Posts one client may make per minute (default: ${DEFAULT-VALUE}).")
  int postsPerMinute;

  @Option(
      names = "--demo-campaign",
      description =
          "Create the Spirit of Chongqing City demo campaign with a few hundred approved words"
              + " (and some waiting for review) so the board has something to show.")
  boolean demoCampaign;

  @Option(
      paramLabel = "CAMPAIGN",
      names = "--campaign",
      description = "Campaign (slug or id) the --lexicon and --allow files belong to.")
  @Nullable String campaign;

  @Mixin LexiconOptions lexicon = new LexiconOptions();

  @Option(
      names = "--lexicon-poll-millis",
      hidden = true,
      defaultValue = "2000",
      description = "How often the lexicon files are checked for changes.")
  long pollMillis = 2000;

  ServeCommand(CliContext context) {
    super(context);
  }

  @Override
  int run(Spirit spirit) {
    Campaign lexiconCampaign = null;
    if (lexicon.given()) {
      if (campaign == null) {
        err().println("spirit: --lexicon and --allow need --campaign: the campaign they belong to");
        return SpiritCli.USAGE;
      }
      lexiconCampaign = CliContext.campaign(spirit, campaign);
      lexicon.attachIfChanged(spirit, lexiconCampaign, out());
    }
    if (demoCampaign) {
      Campaign c = ChongqingDemo.seedBoard(spirit, 600);
      out().println("demo campaign at /c/" + c.slug());
    }
    ScheduledExecutorService watcher = null;
    if (lexiconCampaign != null) {
      watcher = watch(spirit, lexiconCampaign);
    }
    try (MessageBoard board =
        MessageBoard.builder(spirit)
            .host(host)
            .port(port)
            .moderatorToken(token)
            .postsPerMinute(postsPerMinute)
            .start()) {
      out().println("message board on " + board.url() + "/ (Ctrl-C to stop)");
      out().flush();
      new CountDownLatch(1).await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      out().println("message board stopped");
    } finally {
      if (watcher != null) {
        watcher.shutdownNow();
      }
    }
    return 0;
  }

  /** Re-attaches the lexicon files whenever their content changes. */
  private ScheduledExecutorService watch(Spirit spirit, Campaign target) {
    ScheduledExecutorService watcher =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "spirit-lexicon-files");
              t.setDaemon(true);
              return t;
            });
    String[] seen = {lexicon.fingerprint()};
    watcher.scheduleWithFixedDelay(
        () -> {
          String now = lexicon.fingerprint();
          if (now.equals(seen[0])) {
            return;
          }
          seen[0] = now;
          try {
            lexicon.attachIfChanged(spirit, target, out());
          } catch (SpiritException e) {
            // Refused whole: nothing was stored, the stored revision stays in force.
            err().println("spirit: lexicon files not attached: " + e.getMessage());
            err().flush();
          } catch (RuntimeException e) {
            err().println("spirit: lexicon files not attached: " + e);
            err().flush();
          }
        },
        pollMillis,
        pollMillis,
        TimeUnit.MILLISECONDS);
    return watcher;
  }
}
