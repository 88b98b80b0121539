package dev.spirit.examples.boot.web;

import dev.spirit.error.SpiritException;
import java.util.List;
import java.util.stream.Collectors;

/** A request with one or more wrong fields; answered with 400 listing every one of them. */
public class InvalidRequestException extends SpiritException {
  private static final long serialVersionUID = 1L;

  @SuppressWarnings("serial") // an immutable list of records
  private final List<FieldProblem> problems;

  /**
   * Creates the exception.
   *
   * @param problems what is wrong, at least one
   */
  public InvalidRequestException(List<FieldProblem> problems) {
    super(
        problems.stream()
            .map(p -> p.field() + ": " + p.message())
            .collect(Collectors.joining("; ")));
    this.problems = List.copyOf(problems);
  }

  /**
   * The problems.
   *
   * @return each wrong field
   */
  public List<FieldProblem> problems() {
    return problems;
  }
}
