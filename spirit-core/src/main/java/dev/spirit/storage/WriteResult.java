package dev.spirit.storage;

/**
 * What a backend found when it tried a conditional write of a campaign or a submission change
 * ({@link SpiritStore#storeNewCampaign}, {@link SpiritStore#replaceCampaign}, {@link
 * SpiritStore#replaceSubmission}). A backend reports what it found; core turns every variant but
 * {@link Stored} into the exception and message the caller sees, in one place.
 *
 * @param <T> the kind of record written
 */
public sealed interface WriteResult<T>
    permits WriteResult.Stored,
        WriteResult.Missing,
        WriteResult.VersionWas,
        WriteResult.IdTaken,
        WriteResult.SlugTaken {

  /**
   * Written: {@code stored} is now the stored record.
   *
   * @param stored the record as stored
   * @param <T> the kind of record
   */
  record Stored<T>(T stored) implements WriteResult<T> {}

  /**
   * Not written: there is no record with that id (or it was erased).
   *
   * @param <T> the kind of record
   */
  record Missing<T>() implements WriteResult<T> {}

  /**
   * Not written: the stored record has another version than the expected one.
   *
   * @param version the version that is stored
   * @param <T> the kind of record
   */
  record VersionWas<T>(long version) implements WriteResult<T> {}

  /**
   * Not written: a record with the same id is already stored.
   *
   * @param <T> the kind of record
   */
  record IdTaken<T>() implements WriteResult<T> {}

  /**
   * Not written: another campaign already has the slug.
   *
   * @param <T> the kind of record
   */
  record SlugTaken<T>() implements WriteResult<T> {}
}
