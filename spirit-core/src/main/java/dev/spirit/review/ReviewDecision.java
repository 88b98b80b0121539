package dev.spirit.review;

import dev.spirit.submission.SubmissionStatus;

/** What a moderator decides about a submission in review. */
public enum ReviewDecision {
  /** Make it public. */
  APPROVE(SubmissionStatus.APPROVED),
  /** Refuse it; the participant may appeal once. */
  REJECT(SubmissionStatus.REJECTED),
  /** Keep it out of public view without refusing it (e.g. while a complaint is checked). */
  HIDE(SubmissionStatus.HIDDEN);

  private final SubmissionStatus target;

  ReviewDecision(SubmissionStatus target) {
    this.target = target;
  }

  /**
   * The status this decision moves a submission to.
   *
   * @return the target status
   */
  public SubmissionStatus target() {
    return target;
  }
}
