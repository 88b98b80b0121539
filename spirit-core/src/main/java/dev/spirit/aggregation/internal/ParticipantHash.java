package dev.spirit.aggregation.internal;

import com.google.common.hash.HashFunction;
import com.google.common.hash.Hashing;
import dev.spirit.participant.ParticipantId;
import java.nio.charset.StandardCharsets;

/**
 * The one 64-bit hash of a participant id used by every distinct count: the first 64 bits of
 * MurmurHash3 x64-128 (seed 0) over the id's UTF-8 bytes. Fixed forever, so that statistics
 * computed on different machines merge. Two different ids collide with probability about 2^-64 per
 * pair, negligible for any campaign (about 10^-8 for a billion pairs).
 */
public final class ParticipantHash {
  private static final HashFunction MURMUR = Hashing.murmur3_128();

  private ParticipantHash() {}

  /**
   * Hashes a participant id.
   *
   * @param id the participant
   * @return the 64-bit hash
   */
  public static long of(ParticipantId id) {
    return MURMUR.hashString(id.value(), StandardCharsets.UTF_8).asLong();
  }
}
