package dev.spirit.aggregation;

/**
 * A term used more in a window than in the window of the same length just before it.
 *
 * @param term the term
 * @param current counted submissions containing it in the window
 * @param previous counted submissions containing it in the previous window
 * @param growth {@code (current + 1) / (previous + 1)}: smoothed so a first appearance is finite
 */
public record RisingTerm(String term, long current, long previous, double growth) {}
