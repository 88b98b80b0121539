package dev.spirit.examples.demo;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** A clock the demo moves through the campaign's thirty days while it replays submissions. */
final class SettableClock extends Clock {
  private volatile Instant now;

  SettableClock(Instant start) {
    this.now = start;
  }

  void set(Instant instant) {
    this.now = instant;
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    return this;
  }

  @Override
  public Instant instant() {
    return now;
  }
}
