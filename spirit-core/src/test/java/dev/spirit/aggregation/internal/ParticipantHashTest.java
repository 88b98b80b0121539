package dev.spirit.aggregation.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.common.hash.Hashing;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("ParticipantHash")
class ParticipantHashTest {
  private static final String ALPHABET = "abcXYZ019-_.@重庆山城耿直é😀";

  @Test
  @DisplayName("equals the first 64 bits of Guava's murmur3_128 over UTF-8, for every length")
  void matchesGuava() {
    Random random = new Random(7);
    int[] codePoints = ALPHABET.codePoints().toArray();
    for (int n = 0; n < 2000; n++) {
      StringBuilder b = new StringBuilder();
      int length = n < 60 ? n : random.nextInt(80);
      for (int i = 0; i < length; i++) {
        b.appendCodePoint(codePoints[random.nextInt(codePoints.length)]);
      }
      String value = b.toString();
      long expected = Hashing.murmur3_128().hashString(value, StandardCharsets.UTF_8).asLong();
      assertThat(ParticipantHash.ofValue(value)).as("hash of '%s'", value).isEqualTo(expected);
    }
  }

  @Test
  @DisplayName("keeps the fixed value of a known id, so statistics of different versions merge")
  void fixedValue() {
    String id = "p42";
    assertThat(ParticipantHash.ofValue(id)).isEqualTo(-1127365449020254243L);
  }
}
