/**
 * The audit trail of a campaign for people outside the system: {@link dev.spirit.audit.AuditExport}
 * writes it as JSON lines (who decided what and when, under whose review lease, which lexicon
 * versions were attached, which submissions were erased, never what was erased) and verifies its
 * hash chain ({@link dev.spirit.submission.AuditChain}).
 */
@NullMarked
package dev.spirit.audit;

import org.jspecify.annotations.NullMarked;
