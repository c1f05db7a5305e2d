package io.notejam.flask.note;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** The smart_date filter as the original behaves (spec 6.7, B5). */
class SmartDateTest {
  private final SmartDate dates =
      new SmartDate(Clock.fixed(Instant.parse("2026-03-10T12:00:00Z"), ZoneOffset.UTC));

  @Test
  void todayAndYesterdayShowTheTimeWithLeadingZeros() {
    assertEquals("Today at 00:05", dates.format(LocalDateTime.of(2026, 3, 10, 0, 5, 59)));
    assertEquals("Today at 23:59", dates.format(LocalDateTime.of(2026, 3, 10, 23, 59)));
    assertEquals("Yesterday at 09:07", dates.format(LocalDateTime.of(2026, 3, 9, 9, 7)));
  }

  @Test
  void olderAndFutureDatesAreIsoDates() {
    assertEquals("2026-03-08", dates.format(LocalDateTime.of(2026, 3, 8, 23, 59)));
    assertEquals("0999-01-02", dates.format(LocalDateTime.of(999, 1, 2, 3, 4)));
    assertEquals("2026-03-11", dates.format(LocalDateTime.of(2026, 3, 11, 0, 0)));
    assertEquals("", dates.format(null));
  }
}
