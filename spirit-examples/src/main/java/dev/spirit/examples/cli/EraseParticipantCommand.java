package dev.spirit.examples.cli;

import dev.spirit.Spirit;
import dev.spirit.participant.ParticipantId;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code spirit erase-participant}: the right to erasure. */
@Command(
    name = "erase-participant",
    mixinStandardHelpOptions = true,
    description = {
      "Erase everything of one participant in every campaign: submissions, reactions, keys.",
      "This cannot be undone; confirm with --yes."
    })
final class EraseParticipantCommand extends StoreCommand {
  @Parameters(paramLabel = "PARTICIPANT", description = "The pseudonymous participant id.")
  String participant = "";

  @Option(names = "--yes", description = "Confirm the erasure.")
  boolean yes;

  EraseParticipantCommand(CliContext context) {
    super(context);
  }

  @Override
  int run(Spirit spirit) {
    ParticipantId id = ParticipantId.of(participant);
    if (!yes) {
      err()
          .println(
              "spirit: erasing participant "
                  + id
                  + " cannot be undone; run again with --yes to confirm");
      return SpiritCli.USAGE;
    }
    int erased = spirit.eraseParticipant(id);
    out().println("erased participant " + id + ": " + erased + " submissions");
    return 0;
  }
}
