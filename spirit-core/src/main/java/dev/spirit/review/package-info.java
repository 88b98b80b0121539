/**
 * Human review: the review queue with leases, single and bulk decisions, edit by redaction, and
 * export of the audit log. Built on {@link dev.spirit.Spirit}.
 */
@NullMarked
package dev.spirit.review;

import org.jspecify.annotations.NullMarked;
