package dev.spirit.io;

import dev.spirit.error.InvalidInputException;
import java.util.Locale;

/**
 * A submission field that an import column can fill. Each has a standard column name, used by
 * {@link FieldMapping#standard()}.
 */
public enum Field {
  /** The submitted text (required). */
  TEXT("text"),
  /** The participant's pseudonymous id (required). */
  PARTICIPANT("participant"),
  /** The district code (required). */
  DISTRICT("district"),
  /** The channel, e.g. {@code card}; rows without one get the importer's default. */
  CHANNEL("channel"),
  /** The kind, e.g. {@code keyword} (the default) or {@code slogan}. */
  KIND("kind"),
  /** The participant's role, e.g. {@code resident} (the default) or {@code visitor}. */
  ROLE("role"),
  /** Whether the participant consented: yes/no, true/false, 1/0, 是/否 (default yes). */
  CONSENT("consent"),
  /** The language tag, e.g. {@code zh}; detected from the text when absent. */
  LANGUAGE("language"),
  /** The specific board, mailbox or kiosk. */
  COLLECTION_POINT("collection_point"),
  /** An explicit idempotency key; wins over the key derived from the row's content. */
  IDEMPOTENCY_KEY("key"),
  /** The staff member who transcribed the row; rows without one get the importer's default. */
  ENTERED_BY("entered_by"),
  /** How the row was collected: {@code card}, {@code interview} or {@code staff}. */
  SOURCE("source"),
  /**
   * The version of the consent text the participant was shown; it must be the version the campaign
   * presents ({@link dev.spirit.campaign.SubmissionRules#consentText()}), whose hash is recorded.
   */
  CONSENT_VERSION("consent_version"),
  /**
   * What the participant allowed: purpose names separated by commas, semicolons (also the
   * full-width {@code ，} and {@code ；}), {@code 、} or spaces; {@code publish}, {@code statistics},
   * {@code contact} or 发布, 统计, 联系. Without it a recorded consent allows every purpose, as a yes in
   * {@link #CONSENT} does.
   */
  CONSENT_PURPOSES("consent_purposes"),
  /**
   * When the participant gave consent, as {@link #COLLECTED_AT} is read; without it, the row's
   * collection time, else the time of the import.
   */
  CONSENT_AT("consent_at"),
  /**
   * When the row was collected (a card written, an interview held), kept as {@link
   * dev.spirit.submission.Provenance#collectedAt()}: an ISO-8601 instant ({@code
   * 2026-11-03T10:15:00Z}), offset date-time ({@code 2026-11-03T18:15+08:00}), local date-time
   * ({@code 2026-11-03T18:15} or {@code 2026-11-03 18:15}) or date ({@code 2026-11-03}, its start);
   * local ones are in the importer's time zone ({@link Importer.Builder#timeZone}, default
   * Asia/Shanghai).
   */
  COLLECTED_AT("collected_at");

  private final String column;

  Field(String column) {
    this.column = column;
  }

  /**
   * The column name this field has in the standard mapping.
   *
   * @return the name, lower case
   */
  public String standardColumn() {
    return column;
  }

  /**
   * Parses a field name: its standard column ({@code collection_point}) or its constant name
   * ({@code COLLECTION_POINT}, {@code collection-point}), in any case; {@code idempotency_key} is
   * accepted for {@link #IDEMPOTENCY_KEY}.
   *
   * @param text the name
   * @return the field
   * @throws InvalidInputException if it names no field
   */
  public static Field parse(String text) {
    String t = text.trim().toLowerCase(Locale.ROOT).replace('-', '_');
    for (Field f : values()) {
      if (f.column.equals(t) || f.name().toLowerCase(Locale.ROOT).equals(t)) {
        return f;
      }
    }
    StringBuilder known = new StringBuilder();
    for (Field f : values()) {
      known.append(known.length() == 0 ? "" : ", ").append(f.column);
    }
    throw new InvalidInputException(
        "field", "unknown field '" + text + "'; expected one of " + known);
  }
}
