/**
 * The {@code spirit} command line (picocli): campaigns, submissions, imports, review, stats,
 * exports, reports, erasure and batch moderation against any store URI.
 */
@NullMarked
package dev.spirit.examples.cli;

import org.jspecify.annotations.NullMarked;
