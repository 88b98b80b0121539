/**
 * Campaign figures for people: the {@link dev.spirit.examples.report.ReportData} a report reads,
 * the self-contained HTML report with inline SVG charts and word clouds, and the terminal summary.
 */
@NullMarked
package dev.spirit.examples.report;

import org.jspecify.annotations.NullMarked;
