/**
 * Import and export of submissions as files: CSV, JSON lines and Excel {@code .xlsx}.
 *
 * <p>{@link dev.spirit.io.Importer} reads rows, maps their columns to submission fields ({@link
 * dev.spirit.io.FieldMapping}) and hands them to intake in batches, so moderation, intake rules and
 * idempotency apply as for any submission; it answers with an {@link dev.spirit.io.ImportReport}
 * holding one {@link dev.spirit.io.LineResult} per row. {@link dev.spirit.io.Exporter} streams a
 * campaign's submissions out, either in full for staff or as open data ({@link
 * dev.spirit.io.Audience}).
 *
 * <p>Excel support uses Apache POI, an optional dependency of spirit-core: applications that read
 * or write {@code .xlsx} add {@code org.apache.poi:poi-ooxml} to their own dependencies. Without
 * it, {@link dev.spirit.io.DataFormat#XLSX} fails with a typed error saying so ({@link
 * dev.spirit.io.UnreadableInputException} on import, {@link dev.spirit.io.ExportFailedException} on
 * export), and CSV and JSON lines keep working.
 */
@NullMarked
package dev.spirit.io;

import org.jspecify.annotations.NullMarked;
