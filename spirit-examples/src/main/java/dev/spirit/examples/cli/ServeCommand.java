package dev.spirit.examples.cli;

import dev.spirit.Spirit;
import dev.spirit.campaign.Campaign;
import dev.spirit.examples.demo.ChongqingDemo;
import dev.spirit.examples.web.MessageBoard;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code spirit serve}: the web message board on a store, until interrupted. */
@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    description = {
      "Serve the web message board: a public page per open campaign at /c/SLUG, the moderator"
          + " queue at /moderate/SLUG, and the kiosk API POST /api/campaigns/ID/submissions.",
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

  ServeCommand(CliContext context) {
    super(context);
  }

  @Override
  int run(Spirit spirit) {
    if (demoCampaign) {
      Campaign c = ChongqingDemo.seedBoard(spirit, 600);
      out().println("demo campaign at /c/" + c.slug());
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
    }
    return 0;
  }
}
