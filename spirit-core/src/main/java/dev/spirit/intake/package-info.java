/**
 * Intake of submissions: the intake rules, automatic moderation at intake, and the atomic insert
 * with idempotency and the per-participant limit.
 */
@NullMarked
package dev.spirit.intake;

import org.jspecify.annotations.NullMarked;
