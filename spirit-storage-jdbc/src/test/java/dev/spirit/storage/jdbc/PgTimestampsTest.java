package dev.spirit.storage.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@DisplayName("PostgreSQL's text form of a UTC timestamptz, for array parameters")
class PgTimestampsTest {
  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    "2026-11-26T19:04:52.123456Z, 2026-11-26 19:04:52.123456+00",
    "2026-01-02T03:04:05Z, 2026-01-02 03:04:05.000000+00",
    "1969-12-31T23:59:59.999999Z, 1969-12-31 23:59:59.999999+00",
    "0001-01-01T00:00:00Z, 0001-01-01 00:00:00.000000+00",
    "0000-12-31T00:00:00Z, 0001-12-31 00:00:00.000000+00 BC",
    "-0099-06-01T12:00:00Z, 0100-06-01 12:00:00.000000+00 BC",
    "+10000-01-01T00:00:00.000001Z, 10000-01-01 00:00:00.000001+00"
  })
  @DisplayName("whole microseconds, years before 1 as BC, years after 9999 with all their digits")
  void format(String instant, String expected) {
    assertThat(PgTimestamps.format(Instant.parse(instant))).isEqualTo(expected);
  }
}
