package dev.spirit.submission;

/** What a person can say about someone else's submission. */
public enum ReactionType {
  /** "I agree": support for a word or slogan. One per person per submission. */
  ENDORSE,
  /** "This is illegal or undesirable": a public report. One per person per submission. */
  REPORT
}
