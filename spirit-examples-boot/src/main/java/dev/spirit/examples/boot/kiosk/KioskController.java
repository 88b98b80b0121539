package dev.spirit.examples.boot.kiosk;

import dev.spirit.Spirit;
import dev.spirit.campaign.Campaign;
import dev.spirit.campaign.Channel;
import dev.spirit.campaign.Language;
import dev.spirit.campaign.SubmissionKind;
import dev.spirit.error.InvalidInputException;
import dev.spirit.error.NotFoundException;
import dev.spirit.examples.boot.web.FieldProblem;
import dev.spirit.examples.boot.web.InvalidRequestException;
import dev.spirit.examples.web.ConsentFields;
import dev.spirit.participant.ConsentPurpose;
import dev.spirit.participant.ParticipantId;
import dev.spirit.participant.Role;
import dev.spirit.submission.Receipt;
import dev.spirit.submission.SubmissionRequest;
import java.security.Principal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * The kiosk API: a district's kiosks post what people give them, each with an {@code
 * Idempotency-Key} so a retried post is stored once. Described in {@code /api/v1/openapi.json};
 * errors are RFC 9457 problem details.
 */
@RestController
public class KioskController {
  /** The header that makes a retried post safe. */
  public static final String IDEMPOTENCY_KEY = "Idempotency-Key";

  private final Spirit spirit;

  /**
   * Creates the controller.
   *
   * @param spirit the instance submissions go to
   */
  public KioskController(Spirit spirit) {
    this.spirit = spirit;
  }

  /**
   * Stores a submission.
   *
   * @param slug the campaign's slug
   * @param key the idempotency key (required)
   * @param body the submission
   * @param kiosk the authenticated kiosk
   * @return 201 with the receipt, or 200 when the key was seen before with the same submission
   * @throws InvalidRequestException (400) listing every missing or malformed field
   * @throws NotFoundException (404) if there is no such campaign
   * @throws dev.spirit.submission.SubmissionRejectedException (400) if the campaign's rules refuse
   *     it
   * @throws dev.spirit.submission.IdempotencyConflictException (409) if the key was used for
   *     another submission
   */
  @PostMapping(
      path = "/api/v1/campaigns/{slug}/submissions",
      consumes = MediaType.APPLICATION_JSON_VALUE,
      produces = MediaType.APPLICATION_JSON_VALUE)
  public ResponseEntity<KioskReceipt> submit(
      @PathVariable String slug,
      @RequestHeader(name = IDEMPOTENCY_KEY, required = false) @Nullable String key,
      @RequestBody KioskSubmission body,
      Principal kiosk) {
    Campaign campaign =
        spirit
            .campaigns()
            .bySlug(slug)
            .orElseThrow(() -> new NotFoundException("campaign '" + slug + "'"));
    Receipt.Accepted receipt =
        spirit.submit(request(campaign, key, body, kiosk, spirit.clock().instant())).orThrow();
    return ResponseEntity.status(receipt.replayed() ? HttpStatus.OK : HttpStatus.CREATED)
        .body(
            new KioskReceipt(
                receipt.id().toString(),
                receipt.status().name().toLowerCase(Locale.ROOT),
                receipt.replayed()));
  }

  /** Builds the request, collecting the problem of every field rather than stopping at one. */
  private static SubmissionRequest request(
      Campaign campaign, @Nullable String key, KioskSubmission body, Principal kiosk, Instant now) {
    List<FieldProblem> problems = new ArrayList<>();
    SubmissionRequest.Builder request = SubmissionRequest.builder(campaign.id());
    if (key == null || key.isBlank()) {
      problems.add(
          new FieldProblem(
              IDEMPOTENCY_KEY,
              "required",
              "send an Idempotency-Key header, unique per submission, so a retry is stored once"));
    } else {
      set(problems, IDEMPOTENCY_KEY, key.trim(), k -> k, request::idempotencyKey);
    }
    set(problems, "text", required(problems, "text", body.text()), t -> t, request::text);
    set(problems, "kind", orDefault(body.kind(), "keyword"), SubmissionKind::parse, request::kind);
    set(
        problems,
        "district",
        required(problems, "district", body.district()),
        d -> d,
        request::district);
    set(problems, "channel", orDefault(body.channel(), "online"), Channel::parse, request::channel);
    String participant = required(problems, "participant", body.participant());
    Role role = parse(problems, "role", orDefault(body.role(), "other"), Role::parse);
    boolean consent = Boolean.TRUE.equals(body.consent());
    Set<ConsentPurpose> purposes = EnumSet.noneOf(ConsentPurpose.class);
    if (body.purposes() != null) {
      for (String p : body.purposes()) {
        ConsentPurpose parsed = parse(problems, "purposes", p, ConsentPurpose::parse);
        if (parsed != null) {
          purposes.add(parsed);
        }
      }
    }
    if (purposes.isEmpty()) {
      purposes.addAll(EnumSet.allOf(ConsentPurpose.class));
    }
    if (role != null) {
      set(
          problems,
          "participant",
          participant,
          p ->
              ConsentFields.participant(
                  campaign,
                  ParticipantId.of(p),
                  role,
                  consent,
                  body.consentVersion(),
                  purposes,
                  now),
          request::participant);
    }
    if (body.language() != null) {
      set(problems, "language", body.language(), Language::of, request::language);
    }
    set(
        problems,
        "collectionPoint",
        body.collectionPoint() == null ? kiosk.getName() : body.collectionPoint(),
        p -> p,
        request::collectionPoint);
    if (!problems.isEmpty()) {
      throw new InvalidRequestException(problems);
    }
    return request.build();
  }

  private static @Nullable String required(
      List<FieldProblem> problems, String field, @Nullable String value) {
    if (value == null || value.isBlank()) {
      problems.add(new FieldProblem(field, "required", "must be given"));
      return null;
    }
    return value;
  }

  private static String orDefault(@Nullable String value, String fallback) {
    return value == null || value.isBlank() ? fallback : value;
  }

  /** Parses and sets one field; a wrong value becomes a problem naming the field. */
  private static <T> void set(
      List<FieldProblem> problems,
      String field,
      @Nullable String value,
      Function<String, T> parse,
      Consumer<T> setter) {
    T parsed = parse(problems, field, value, parse);
    if (parsed != null) {
      setter.accept(parsed);
    }
  }

  private static <T> @Nullable T parse(
      List<FieldProblem> problems,
      String field,
      @Nullable String value,
      Function<String, T> parse) {
    if (value == null) {
      return null; // already listed as missing
    }
    try {
      return parse.apply(value);
    } catch (InvalidInputException e) {
      problems.add(new FieldProblem(field, "invalid", String.valueOf(e.getMessage())));
      return null;
    }
  }
}
