package dev.spirit.examples.boot.web;

/**
 * What is wrong with one field of a request, as listed in a 400 problem's {@code errors}.
 *
 * @param field the field, such as {@code text} or the header {@code Idempotency-Key}
 * @param code a stable, machine-readable code such as {@code too_long} or {@code invalid}
 * @param message what is wrong, for a person
 */
public record FieldProblem(String field, String code, String message) {}
