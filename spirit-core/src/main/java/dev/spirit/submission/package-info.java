/**
 * Submissions and the values that describe them: text, provenance, status, moderation record,
 * reactions and audit entries.
 */
@NullMarked
package dev.spirit.submission;

import org.jspecify.annotations.NullMarked;
