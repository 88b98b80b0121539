package dev.spirit.examples.boot.web;

import dev.spirit.error.AlreadyExistsException;
import dev.spirit.error.IllegalTransitionException;
import dev.spirit.error.InvalidInputException;
import dev.spirit.error.NotFoundException;
import dev.spirit.error.NotPermittedException;
import dev.spirit.error.SpiritException;
import dev.spirit.error.StorageException;
import dev.spirit.error.VersionConflictException;
import dev.spirit.submission.IdempotencyConflictException;
import dev.spirit.submission.SubmissionRejectedException;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Answers every error of the API with an RFC 9457 problem detail: Spring MVC's own (404, 405, 415,
 * malformed JSON...) through {@link ResponseEntityExceptionHandler}, and Spirit's exception
 * hierarchy mapped to its status. A 400 lists every wrong field in {@code errors}, each with its
 * {@code field}, {@code code} and {@code message}.
 */
@RestControllerAdvice
@Order(0)
public class ApiProblems extends ResponseEntityExceptionHandler {
  private static final Logger LOG = LoggerFactory.getLogger(ApiProblems.class);

  /** Creates the advice (Spring does). */
  public ApiProblems() {}

  /**
   * Several wrong fields.
   *
   * @param e the exception
   * @return 400 with every field's problem
   */
  @ExceptionHandler(InvalidRequestException.class)
  public ProblemDetail invalidRequest(InvalidRequestException e) {
    return badRequest(e.problems());
  }

  /**
   * An idempotency key used before for another submission.
   *
   * @param e the exception
   * @return 409
   */
  @ExceptionHandler(IdempotencyConflictException.class)
  public ProblemDetail idempotencyConflict(IdempotencyConflictException e) {
    ProblemDetail problem =
        problem(
            HttpStatus.CONFLICT,
            "This Idempotency-Key was already used for a different submission; use a new key for"
                + " new content.");
    problem.setProperty("errors", fieldProblems(e));
    return problem;
  }

  /**
   * A submission the campaign's rules refuse (too long, district not allowed, no consent...).
   *
   * @param e the exception
   * @return 400 with every reason
   */
  @ExceptionHandler(SubmissionRejectedException.class)
  public ProblemDetail rejected(SubmissionRejectedException e) {
    return badRequest(fieldProblems(e));
  }

  /**
   * One wrong value.
   *
   * @param e the exception
   * @return 400 naming the field
   */
  @ExceptionHandler(InvalidInputException.class)
  public ProblemDetail invalidInput(InvalidInputException e) {
    return badRequest(
        List.of(new FieldProblem(e.field(), "invalid", String.valueOf(e.getMessage()))));
  }

  /**
   * Something that does not exist, such as an unknown campaign.
   *
   * @param e the exception
   * @return 404
   */
  @ExceptionHandler(NotFoundException.class)
  public ProblemDetail notFound(NotFoundException e) {
    return problem(HttpStatus.NOT_FOUND, String.valueOf(e.getMessage()));
  }

  /**
   * A change that conflicts with the stored state.
   *
   * @param e the exception
   * @return 409
   */
  @ExceptionHandler({
    VersionConflictException.class,
    AlreadyExistsException.class,
    IllegalTransitionException.class
  })
  public ProblemDetail conflict(SpiritException e) {
    return problem(HttpStatus.CONFLICT, String.valueOf(e.getMessage()));
  }

  /**
   * An action Spirit does not permit in the current state.
   *
   * @param e the exception
   * @return 403
   */
  @ExceptionHandler(NotPermittedException.class)
  public ProblemDetail notPermitted(NotPermittedException e) {
    return problem(HttpStatus.FORBIDDEN, String.valueOf(e.getMessage()));
  }

  /**
   * The store failed; the request may be retried (with the same Idempotency-Key).
   *
   * @param e the exception
   * @return 503
   */
  @ExceptionHandler(StorageException.class)
  public ProblemDetail storage(StorageException e) {
    LOG.error("the store failed", e);
    return problem(
        HttpStatus.SERVICE_UNAVAILABLE,
        "The store is unavailable; retry later with the same Idempotency-Key.");
  }

  /**
   * Any other Spirit error.
   *
   * @param e the exception
   * @return 500, without internals
   */
  @ExceptionHandler(SpiritException.class)
  public ProblemDetail other(SpiritException e) {
    LOG.error("unexpected Spirit error", e);
    return problem(HttpStatus.INTERNAL_SERVER_ERROR, "Spirit could not handle the request.");
  }

  /** A body that is not JSON, or one over the size limit (its stream said so while read). */
  @Override
  protected @Nullable ResponseEntity<Object> handleHttpMessageNotReadable(
      HttpMessageNotReadableException e,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (cause instanceof RequestLimitsFilter.BodyTooLargeException tooLarge) {
        return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE)
            .body(problem(HttpStatus.CONTENT_TOO_LARGE, String.valueOf(tooLarge.getMessage())));
      }
    }
    return ResponseEntity.badRequest()
        .body(
            badRequest(
                List.of(
                    new FieldProblem(
                        "body", "malformed", "the body must be a JSON object of the submission"))));
  }

  private static List<FieldProblem> fieldProblems(SubmissionRejectedException e) {
    return e.reasons().stream()
        .map(
            r -> new FieldProblem(r.field(), r.code().name().toLowerCase(Locale.ROOT), r.message()))
        .toList();
  }

  private static ProblemDetail badRequest(List<FieldProblem> problems) {
    ProblemDetail problem =
        problem(
            HttpStatus.BAD_REQUEST,
            problems.size() == 1
                ? "One field is wrong: see errors."
                : problems.size() + " fields are wrong: see errors.");
    problem.setProperty("errors", problems);
    return problem;
  }

  static ProblemDetail problem(HttpStatus status, String detail) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
    problem.setTitle(status.getReasonPhrase());
    return problem;
  }
}
