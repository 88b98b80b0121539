package dev.spirit.submission;

import dev.spirit.error.SpiritException;
import java.util.List;
import java.util.stream.Collectors;

/** Thrown by {@link Receipt#orThrow()} for a rejected submission; carries every reason. */
public class SubmissionRejectedException extends SpiritException {
  private static final long serialVersionUID = 1L;

  @SuppressWarnings("serial") // List.copyOf of records: serializable in practice
  private final List<Rejection> reasons;

  /**
   * Creates the exception.
   *
   * @param reasons why the submission was refused
   */
  public SubmissionRejectedException(List<Rejection> reasons) {
    super(
        "submission rejected: "
            + reasons.stream()
                .map(r -> r.code() + " (" + r.message() + ")")
                .collect(Collectors.joining("; ")));
    this.reasons = List.copyOf(reasons);
  }

  /**
   * Why the submission was refused.
   *
   * @return the reasons
   */
  public List<Rejection> reasons() {
    return reasons;
  }
}
