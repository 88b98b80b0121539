package dev.spirit.examples.cli;

import dev.spirit.Spirit;
import dev.spirit.participant.ParticipantId;
import dev.spirit.participant.Withdrawal;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code spirit withdraw-consent}: a participant withdraws their consent. */
@Command(
    name = "withdraw-consent",
    mixinStandardHelpOptions = true,
    description = {
      "A participant withdraws their consent, in every campaign: --unpublish keeps their",
      "submissions but never shows them publicly again; --erase erases everything of them."
    })
final class WithdrawConsentCommand extends StoreCommand {
  @Parameters(paramLabel = "PARTICIPANT", description = "The pseudonymous participant id.")
  String participant = "";

  @ArgGroup(multiplicity = "1")
  Choice choice = new Choice();

  /** Exactly one of the two choices. */
  static final class Choice {
    @Option(names = "--unpublish", description = "Keep the submissions, unpublished.")
    boolean unpublish;

    @Option(names = "--erase", description = "Erase the submissions (cannot be undone).")
    boolean erase;
  }

  WithdrawConsentCommand(CliContext context) {
    super(context);
  }

  @Override
  int run(Spirit spirit) {
    ParticipantId id = ParticipantId.of(participant);
    Withdrawal w = choice.erase ? Withdrawal.ERASE : Withdrawal.UNPUBLISH;
    int n = spirit.participants().withdrawConsent(id, w);
    out()
        .println(
            "participant "
                + id
                + " withdrew consent: "
                + n
                + " submissions "
                + (w == Withdrawal.ERASE ? "erased" : "unpublished"));
    return 0;
  }
}
