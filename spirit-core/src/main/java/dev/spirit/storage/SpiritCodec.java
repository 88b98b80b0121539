package dev.spirit.storage;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.spirit.campaign.Campaign;
import dev.spirit.error.SpiritException;
import dev.spirit.error.StorageException;
import dev.spirit.internal.Json;
import dev.spirit.kiosk.KioskCredential;
import dev.spirit.moderation.CampaignLexicon;
import dev.spirit.submission.AuditEntry;
import dev.spirit.submission.ModerationRecord;
import dev.spirit.submission.Reaction;
import dev.spirit.submission.ReviewLease;
import dev.spirit.submission.Submission;

/**
 * Spirit's canonical JSON form of the records a backend stores. A backend may keep whole records as
 * this JSON (plus whatever columns or indexes it queries by) and so stays unaware of their fields:
 * new fields added to the domain need no backend change.
 *
 * <p>The form is stable: field names are the record component names; ids, districts and languages
 * are strings; instants are ISO-8601 strings; absent optional values are absent fields; unknown
 * fields are ignored when reading, so older code reads newer records.
 */
public final class SpiritCodec {
  private SpiritCodec() {}

  /**
   * Encodes a submission.
   *
   * @param submission the submission
   * @return its JSON, one line
   */
  public static String toJson(Submission submission) {
    return write(submission);
  }

  /**
   * Encodes a campaign.
   *
   * @param campaign the campaign
   * @return its JSON, one line
   */
  public static String toJson(Campaign campaign) {
    return write(campaign);
  }

  /**
   * Encodes a reaction.
   *
   * @param reaction the reaction
   * @return its JSON, one line
   */
  public static String toJson(Reaction reaction) {
    return write(reaction);
  }

  /**
   * Encodes an audit entry.
   *
   * @param entry the entry
   * @return its JSON, one line
   */
  public static String toJson(AuditEntry entry) {
    return write(entry);
  }

  /**
   * Encodes a revision of a campaign's lexicon.
   *
   * @param lexicon the revision
   * @return its JSON, one line
   */
  public static String toJson(CampaignLexicon lexicon) {
    return write(lexicon);
  }

  /**
   * Decodes a revision of a campaign's lexicon.
   *
   * @param json JSON made by {@link #toJson(CampaignLexicon)}
   * @return the revision
   * @throws StorageException if the JSON is not a valid revision
   */
  public static CampaignLexicon lexiconFromJson(String json) {
    return read(json, CampaignLexicon.class);
  }

  /**
   * Encodes a kiosk credential (its secret's hash, never a secret).
   *
   * @param credential the credential
   * @return canonical JSON
   */
  public static String toJson(KioskCredential credential) {
    return write(credential);
  }

  /**
   * Decodes a kiosk credential.
   *
   * @param json JSON made by {@link #toJson(KioskCredential)}
   * @return the credential
   * @throws StorageException if the JSON is not a valid credential
   */
  public static KioskCredential kioskFromJson(String json) {
    return read(json, KioskCredential.class);
  }

  /**
   * Decodes a submission.
   *
   * @param json JSON made by {@link #toJson(Submission)}
   * @return the submission
   * @throws StorageException if the JSON is not a valid submission
   */
  public static Submission submissionFromJson(String json) {
    return read(json, Submission.class);
  }

  /**
   * Decodes a campaign.
   *
   * @param json JSON made by {@link #toJson(Campaign)}
   * @return the campaign
   * @throws StorageException if the JSON is not a valid campaign
   */
  public static Campaign campaignFromJson(String json) {
    return read(json, Campaign.class);
  }

  /**
   * Decodes a reaction.
   *
   * @param json JSON made by {@link #toJson(Reaction)}
   * @return the reaction
   * @throws StorageException if the JSON is not a valid reaction
   */
  public static Reaction reactionFromJson(String json) {
    return read(json, Reaction.class);
  }

  /**
   * Decodes an audit entry.
   *
   * @param json JSON made by {@link #toJson(AuditEntry)}
   * @return the entry
   * @throws StorageException if the JSON is not a valid audit entry
   */
  public static AuditEntry auditFromJson(String json) {
    return read(json, AuditEntry.class);
  }

  /**
   * Decodes a moderation record: the {@code moderation} field of a submission's JSON, for backends
   * that read the other fields themselves.
   *
   * @param json the JSON object of the field
   * @return the record
   * @throws StorageException if the JSON is not a valid moderation record
   */
  public static ModerationRecord moderationFromJson(String json) {
    return read(json, ModerationRecord.class);
  }

  /**
   * Decodes a review lease: the {@code reviewLease} field of a submission's JSON, for backends that
   * read the other fields themselves.
   *
   * @param json the JSON object of the field
   * @return the lease
   * @throws StorageException if the JSON is not a valid review lease
   */
  public static ReviewLease reviewLeaseFromJson(String json) {
    return read(json, ReviewLease.class);
  }

  private static String write(Object value) {
    try {
      return Json.mapper().writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new StorageException("cannot encode " + value.getClass().getSimpleName(), e);
    }
  }

  private static <T> T read(String json, Class<T> type) {
    try {
      return Json.mapper().readValue(json, type);
    } catch (JsonProcessingException e) {
      Throwable cause = e.getCause();
      String detail =
          cause instanceof SpiritException ? cause.getMessage() : e.getOriginalMessage();
      throw new StorageException("stored " + type.getSimpleName() + " is not valid: " + detail, e);
    }
  }
}
