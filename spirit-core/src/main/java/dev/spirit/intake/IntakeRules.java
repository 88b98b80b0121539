package dev.spirit.intake;

import dev.spirit.campaign.Campaign;
import dev.spirit.campaign.Language;
import dev.spirit.campaign.LengthLimit;
import dev.spirit.campaign.SubmissionRules;
import dev.spirit.participant.Consent;
import dev.spirit.participant.ConsentPurpose;
import dev.spirit.participant.ConsentText;
import dev.spirit.participant.Participant;
import dev.spirit.submission.Rejection;
import dev.spirit.submission.RejectionCode;
import dev.spirit.submission.SubmissionRequest;
import dev.spirit.submission.SubmissionText;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The intake rules a request must pass against its campaign, in this order, collecting every broken
 * rule rather than stopping at the first: the campaign is open at that instant; district, channel
 * and kind are accepted; the normalized text is within the kind's length limits; the language is
 * accepted; consent was given if required, was not given after intake's now (beyond {@link
 * #CLOCK_SKEW}), names the text the campaign presents and allows the purposes it requires; the
 * collection time, if the provenance states one, is not after now (beyond the same skew).
 */
final class IntakeRules {
  /**
   * How far a time the request states (when consent was given, when it was collected) may be after
   * intake's now: the clocks of kiosks, phones and staff laptops drift, and a few minutes is not a
   * claim about the future.
   */
  static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

  private IntakeRules() {}

  static List<Rejection> check(
      SubmissionRequest request,
      Campaign campaign,
      SubmissionText text,
      Language language,
      Instant now) {
    List<Rejection> reasons = new ArrayList<>();
    if (!campaign.isAcceptingAt(now)) {
      reasons.add(
          new Rejection(
              RejectionCode.CAMPAIGN_NOT_OPEN,
              "campaignId",
              "campaign '"
                  + campaign.slug()
                  + "' is "
                  + campaign.state()
                  + campaign.opensAt().map(o -> ", opens " + o).orElse("")
                  + campaign.closesAt().map(c -> ", closes " + c).orElse("")
                  + "; not taking submissions at "
                  + now));
    }
    if (!campaign.districts().contains(request.district())) {
      reasons.add(
          new Rejection(
              RejectionCode.DISTRICT_NOT_ALLOWED,
              "district",
              "district '"
                  + request.district()
                  + "' is not one of the campaign's districts "
                  + new java.util.TreeSet<>(campaign.districts())));
    }
    if (!campaign.channels().contains(request.channel())) {
      reasons.add(
          new Rejection(
              RejectionCode.CHANNEL_NOT_ALLOWED,
              "channel",
              "channel '"
                  + request.channel().key()
                  + "' is not accepted; accepted: "
                  + new java.util.TreeSet<>(campaign.channels())));
    }
    Optional<LengthLimit> limit = campaign.rules().limitFor(request.kind());
    if (limit.isEmpty()) {
      reasons.add(
          new Rejection(
              RejectionCode.KIND_NOT_ALLOWED,
              "kind",
              "kind '"
                  + request.kind().key()
                  + "' is not accepted; accepted: "
                  + new java.util.TreeSet<>(campaign.rules().lengthLimits().keySet())));
    } else {
      int length = text.length();
      if (length < limit.get().min()) {
        reasons.add(
            new Rejection(
                RejectionCode.TOO_SHORT,
                "text",
                "text has "
                    + length
                    + " characters after normalization; a "
                    + request.kind().key()
                    + " needs at least "
                    + limit.get().min()));
      } else if (length > limit.get().max()) {
        reasons.add(
            new Rejection(
                RejectionCode.TOO_LONG,
                "text",
                "text has "
                    + length
                    + " characters after normalization; a "
                    + request.kind().key()
                    + " allows at most "
                    + limit.get().max()));
      }
    }
    if (!campaign.rules().languages().contains(language)) {
      reasons.add(
          new Rejection(
              RejectionCode.LANGUAGE_NOT_ALLOWED,
              "language",
              (language.equals(Language.UNDETERMINED)
                      ? "the text's language could not be determined"
                      : "language '" + language + "' is not accepted")
                  + "; accepted: "
                  + new java.util.TreeSet<>(campaign.rules().languages())));
    }
    consent(campaign.rules(), request.participant(), now, reasons);
    Optional<Instant> collected = request.provenance().collectedAt();
    if (collected.isPresent() && collected.get().isAfter(now.plus(CLOCK_SKEW))) {
      reasons.add(
          new Rejection(
              RejectionCode.COLLECTED_IN_FUTURE,
              "provenance.collectedAt",
              "collected at "
                  + collected.get()
                  + ", after intake's now "
                  + now
                  + " (more than "
                  + CLOCK_SKEW.toMinutes()
                  + " minutes of clock skew)"));
    }
    return reasons;
  }

  private static void consent(
      SubmissionRules rules, Participant participant, Instant now, List<Rejection> out) {
    if (!participant.consent()) {
      if (rules.consentRequired()) {
        out.add(
            new Rejection(
                RejectionCode.CONSENT_REQUIRED,
                "participant.consent",
                "the campaign requires the participant's consent"));
      }
      return;
    }
    Optional<Consent> record = participant.consentRecord();
    if (record.isPresent() && record.get().givenAt().isAfter(now.plus(CLOCK_SKEW))) {
      out.add(
          new Rejection(
              RejectionCode.CONSENT_IN_FUTURE,
              "participant.consent",
              "consent is recorded as given at "
                  + record.get().givenAt()
                  + ", after intake's now "
                  + now
                  + " (more than "
                  + CLOCK_SKEW.toMinutes()
                  + " minutes of clock skew)"));
    }
    if (rules.consentText().isPresent()) {
      ConsentText presented = rules.consentText().get();
      Optional<ConsentText> named = record.flatMap(Consent::text);
      if (named.isEmpty()) {
        out.add(
            new Rejection(
                RejectionCode.CONSENT_TEXT_MISMATCH,
                "participant.consent.text",
                "the campaign presents consent text version "
                    + presented.version()
                    + "; the participant's consent names no text"));
      } else if (!named.get().equals(presented)) {
        out.add(
            new Rejection(
                RejectionCode.CONSENT_TEXT_MISMATCH,
                "participant.consent.text",
                "the campaign presents consent text version "
                    + presented.version()
                    + " (sha256 "
                    + presented.sha256().substring(0, 12)
                    + "…); the participant's consent names version "
                    + named.get().version()
                    + " (sha256 "
                    + named.get().sha256().substring(0, 12)
                    + "…)"));
      }
    }
    Set<ConsentPurpose> missing = EnumSet.noneOf(ConsentPurpose.class);
    for (ConsentPurpose p : rules.requiredPurposes()) {
      if (!participant.permits(p)) {
        missing.add(p);
      }
    }
    if (!missing.isEmpty()) {
      out.add(
          new Rejection(
              RejectionCode.CONSENT_PURPOSE_MISSING,
              "participant.consent.purposes",
              "the campaign requires consent to "
                  + missing
                  + "; the participant's consent allows "
                  + record.map(Consent::purposes).orElse(Set.of())));
    }
  }
}
