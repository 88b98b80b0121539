package dev.spirit.aggregation;

import java.util.List;

/**
 * The slogan candidates a jury reviews, best first: ranked by the Wilson lower bound of support
 * ({@code successes} = the candidate's supporters, {@code trials} = distinct participants of the
 * districts where it was given), then by supporters, then by text.
 *
 * @param z the normal quantile used (1.96: 95% confidence)
 * @param candidates the candidates, best first
 */
public record Shortlist(double z, List<Candidate> candidates) {
  public Shortlist {
    candidates = List.copyOf(candidates);
  }
}
