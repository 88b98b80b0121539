package dev.spirit.campaign;

import dev.spirit.error.InvalidInputException;
import dev.spirit.participant.ConsentPurpose;
import dev.spirit.participant.ConsentText;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * What a campaign accepts: kinds with their length limits, languages, how many submissions one
 * participant may give, whether consent is required, and when submissions become public.
 *
 * @param lengthLimits allowed kinds and their length limits; a kind absent here is not accepted
 * @param languages accepted languages
 * @param maxPerParticipant how many submissions one participant may give to the campaign; every
 *     stored submission counts, whatever its status
 * @param consentRequired whether a participant must have consented to the processing of their
 *     submission
 * @param moderationMode whether review comes before or after publication
 * @param reportThreshold how many distinct people must report an approved submission before it is
 *     hidden pending review
 * @param moderation settings of automatic moderation (personal data actions, flood and rate
 *     windows); records stored before this field existed decode with the defaults
 * @param consentText the consent text the campaign presents, if it names one: intake then accepts
 *     consent only as a record naming exactly this version and hash ({@link
 *     dev.spirit.submission.RejectionCode#CONSENT_TEXT_MISMATCH})
 * @param requiredPurposes the purposes a participant's consent must allow for intake to accept the
 *     submission ({@link dev.spirit.submission.RejectionCode#CONSENT_PURPOSE_MISSING}); empty asks
 *     for none beyond {@code consentRequired}
 */
public record SubmissionRules(
    Map<SubmissionKind, LengthLimit> lengthLimits,
    Set<Language> languages,
    int maxPerParticipant,
    boolean consentRequired,
    ModerationMode moderationMode,
    int reportThreshold,
    ModerationSettings moderation,
    Optional<ConsentText> consentText,
    Set<ConsentPurpose> requiredPurposes) {
  public SubmissionRules {
    if (lengthLimits == null || lengthLimits.isEmpty()) {
      throw new InvalidInputException("rules.lengthLimits", "must allow at least one kind");
    }
    if (languages == null || languages.isEmpty()) {
      throw new InvalidInputException("rules.languages", "must allow at least one language");
    }
    if (maxPerParticipant < 1) {
      throw new InvalidInputException(
          "rules.maxPerParticipant", "must be at least 1, was " + maxPerParticipant);
    }
    if (moderationMode == null) {
      throw new InvalidInputException("rules.moderationMode", "must not be null");
    }
    if (reportThreshold < 1) {
      throw new InvalidInputException(
          "rules.reportThreshold", "must be at least 1, was " + reportThreshold);
    }
    moderation = moderation == null ? ModerationSettings.defaults() : moderation;
    lengthLimits = Map.copyOf(new EnumMap<>(lengthLimits));
    languages = Set.copyOf(new TreeSet<>(languages));
    // Campaigns stored before consent records existed have neither field.
    consentText = consentText == null ? Optional.empty() : consentText;
    if (requiredPurposes == null || requiredPurposes.isEmpty()) {
      requiredPurposes = Collections.unmodifiableSet(EnumSet.noneOf(ConsentPurpose.class));
    } else if (requiredPurposes.stream().anyMatch(p -> p == null)) {
      throw new InvalidInputException("rules.requiredPurposes", "must not contain null");
    } else {
      requiredPurposes =
          Collections.unmodifiableSet(
              EnumSet.copyOf((Collection<ConsentPurpose>) requiredPurposes));
    }
    if (!requiredPurposes.isEmpty() && !consentRequired) {
      throw new InvalidInputException(
          "rules.requiredPurposes",
          "requires consentRequired: a campaign that does not require consent cannot require"
              + " purposes "
              + requiredPurposes);
    }
  }

  /**
   * Rules as they were before consent records (no consent text named, no purposes required).
   *
   * @param lengthLimits allowed kinds and their length limits
   * @param languages accepted languages
   * @param maxPerParticipant how many submissions one participant may give
   * @param consentRequired whether a participant must have consented
   * @param moderationMode whether review comes before or after publication
   * @param reportThreshold how many distinct reports hide an approved submission
   * @param moderation settings of automatic moderation
   * @deprecated use {@link #builder()}, which also sets the consent text and required purposes
   */
  @Deprecated
  public SubmissionRules(
      Map<SubmissionKind, LengthLimit> lengthLimits,
      Set<Language> languages,
      int maxPerParticipant,
      boolean consentRequired,
      ModerationMode moderationMode,
      int reportThreshold,
      ModerationSettings moderation) {
    this(
        lengthLimits,
        languages,
        maxPerParticipant,
        consentRequired,
        moderationMode,
        reportThreshold,
        moderation,
        Optional.empty(),
        Set.of());
  }

  /**
   * These rules with another consent text and other required purposes; everything else the same.
   *
   * @param text the consent text the campaign presents, or empty to name none
   * @param required the purposes a participant's consent must allow (may be empty)
   * @return the copy
   * @throws InvalidInputException if purposes are required but consent is not
   */
  public SubmissionRules withConsent(Optional<ConsentText> text, Set<ConsentPurpose> required) {
    if (text == null || required == null) {
      throw new InvalidInputException("rules.consentText", "text and purposes must not be null");
    }
    return new SubmissionRules(
        lengthLimits,
        languages,
        maxPerParticipant,
        consentRequired,
        moderationMode,
        reportThreshold,
        moderation,
        text,
        required);
  }

  /**
   * The length limit of a kind.
   *
   * @param kind the kind
   * @return its limit, or empty if the kind is not accepted
   */
  public Optional<LengthLimit> limitFor(SubmissionKind kind) {
    return Optional.ofNullable(lengthLimits.get(kind));
  }

  /**
   * Starts rules with sensible defaults: every kind (keyword 1–20, slogan 2–60, message 2–1000,
   * poem 4–2000, interview note 2–5000 code points), Chinese and English, 20 per participant,
   * consent required, pre-moderation, hidden after 3 reports.
   *
   * @return a builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * The default rules of {@link #builder()}.
   *
   * @return default rules
   */
  public static SubmissionRules defaults() {
    return builder().build();
  }

  /** Builds {@link SubmissionRules}. */
  public static final class Builder {
    private final Map<SubmissionKind, LengthLimit> lengthLimits =
        new EnumMap<>(SubmissionKind.class);
    private Set<Language> languages = Set.of(Language.ZH, Language.EN);
    private int maxPerParticipant = 20;
    private boolean consentRequired = true;
    private ModerationMode moderationMode = ModerationMode.PRE;
    private int reportThreshold = 3;
    private ModerationSettings moderation = ModerationSettings.defaults();
    private Optional<ConsentText> consentText = Optional.empty();
    private Set<ConsentPurpose> requiredPurposes = Set.of();

    private Builder() {
      lengthLimits.put(SubmissionKind.KEYWORD, LengthLimit.of(1, 20));
      lengthLimits.put(SubmissionKind.SLOGAN, LengthLimit.of(2, 60));
      lengthLimits.put(SubmissionKind.MESSAGE, LengthLimit.of(2, 1000));
      lengthLimits.put(SubmissionKind.POEM, LengthLimit.of(4, 2000));
      lengthLimits.put(SubmissionKind.INTERVIEW_NOTE, LengthLimit.of(2, 5000));
    }

    /**
     * Accepts only the given kinds, keeping their current limits.
     *
     * @param kinds the kinds to accept
     * @return this builder
     */
    public Builder onlyKinds(SubmissionKind... kinds) {
      lengthLimits.keySet().retainAll(Set.of(kinds));
      return this;
    }

    /**
     * Accepts a kind with the given limit.
     *
     * @param kind the kind
     * @param limit its length limit
     * @return this builder
     */
    public Builder kind(SubmissionKind kind, LengthLimit limit) {
      lengthLimits.put(kind, limit);
      return this;
    }

    /**
     * Sets the accepted languages.
     *
     * @param languages the languages
     * @return this builder
     */
    public Builder languages(Language... languages) {
      this.languages = Set.of(languages);
      return this;
    }

    /**
     * Sets how many submissions one participant may give.
     *
     * @param max at least 1
     * @return this builder
     */
    public Builder maxPerParticipant(int max) {
      this.maxPerParticipant = max;
      return this;
    }

    /**
     * Sets whether consent is required.
     *
     * @param required true to require consent
     * @return this builder
     */
    public Builder consentRequired(boolean required) {
      this.consentRequired = required;
      return this;
    }

    /**
     * Names the consent text the campaign presents (its version and the hash of its words): intake
     * then refuses consent that is not a record of exactly this text, such as one of an earlier
     * version. Implies nothing about purposes; see {@link #requiredPurposes}.
     *
     * @param text the text, e.g. {@code ConsentText.of("2026-12-v2", words)}
     * @return this builder
     */
    public Builder consentText(ConsentText text) {
      if (text == null) {
        throw new InvalidInputException("rules.consentText", "must not be null");
      }
      this.consentText = Optional.of(text);
      return this;
    }

    /**
     * Sets the purposes a participant's consent must allow (default none: consent to any purpose is
     * enough, and a submission without {@link ConsentPurpose#PUBLISH} is kept but never public).
     *
     * @param purposes the purposes, e.g. {@code ConsentPurpose.PUBLISH}
     * @return this builder
     */
    public Builder requiredPurposes(ConsentPurpose... purposes) {
      this.requiredPurposes = Set.of(purposes);
      return this;
    }

    /**
     * Sets the moderation mode.
     *
     * @param mode pre or post
     * @return this builder
     */
    public Builder moderationMode(ModerationMode mode) {
      this.moderationMode = mode;
      return this;
    }

    /**
     * Sets how many distinct reports hide an approved submission.
     *
     * @param threshold at least 1
     * @return this builder
     */
    public Builder reportThreshold(int threshold) {
      this.reportThreshold = threshold;
      return this;
    }

    /**
     * Sets the settings of automatic moderation.
     *
     * @param settings the settings
     * @return this builder
     */
    public Builder moderation(ModerationSettings settings) {
      this.moderation = settings;
      return this;
    }

    /**
     * Builds the rules.
     *
     * @return validated rules
     * @throws InvalidInputException if a value is out of range
     */
    public SubmissionRules build() {
      return new SubmissionRules(
          lengthLimits,
          languages,
          maxPerParticipant,
          consentRequired,
          moderationMode,
          reportThreshold,
          moderation,
          consentText,
          requiredPurposes);
    }
  }
}
