package dev.spirit.error;

/** A lifecycle change was asked for that the current state does not allow. */
public class IllegalTransitionException extends SpiritException {
  private static final long serialVersionUID = 1L;

  private final String from;
  private final String to;

  /**
   * Creates the exception.
   *
   * @param subject what was being changed, e.g. {@code "campaign 0193..."}
   * @param from the current state
   * @param to the requested state
   */
  public IllegalTransitionException(String subject, String from, String to) {
    super(subject + ": cannot go from " + from + " to " + to);
    this.from = from;
    this.to = to;
  }

  /**
   * The state the subject was in.
   *
   * @return the state name
   */
  public String from() {
    return from;
  }

  /**
   * The state that was requested.
   *
   * @return the state name
   */
  public String to() {
    return to;
  }
}
