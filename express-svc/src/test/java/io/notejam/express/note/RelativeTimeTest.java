package io.notejam.express.note;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * moment.js 2.24 {@code fromNow()} thresholds (spec 5.8), at and around each boundary; every
 * expected text is what moment 2.24 itself printed for the same instants (TZ=UTC).
 */
class RelativeTimeTest {
  private static final Instant NOW = Instant.parse("2026-06-15T12:00:00Z");

  @ParameterizedTest
  @CsvSource({
    "0, a few seconds ago",
    "44499, a few seconds ago",
    "44500, a minute ago",
    "89999, a minute ago",
    "90000, 2 minutes ago",
    "2669999, 44 minutes ago",
    "2670000, an hour ago",
    "5399999, an hour ago",
    "5400000, 2 hours ago",
    "77399999, 21 hours ago",
    "77400000, a day ago",
    "129599999, a day ago",
    "129600000, 2 days ago",
    "2203199999, 25 days ago",
    "2203200000, a month ago",
    "3888000000, a month ago",
    "3974400000, 2 months ago",
    "26179200000, 10 months ago",
    "27000000000, 10 months ago",
    "27648000000, a year ago",
    "47260800000, 2 years ago",
    "47347200000, 2 years ago",
    "1798761600000, 57 years ago"
  })
  void pastTimes(long elapsedMillis, String expected) {
    assertEquals(expected, RelativeTime.fromNow(NOW.minusMillis(elapsedMillis), NOW));
  }

  /** moment counts whole calendar months first: the same 46 days span one month or two. */
  @ParameterizedTest
  @CsvSource({
    "3974400000, a month ago",
    "2203200000, a month ago",
    "47347200000, a year ago",
    "1183423827418, 37 years ago",
    "1797552000000, 57 years ago",
    "-3974400000, in 2 months"
  })
  void calendarMonthsCountFirst(long elapsedMillis, String expected) {
    Instant now = Instant.parse("2026-11-29T12:00:00Z");
    assertEquals(expected, RelativeTime.fromNow(now.minusMillis(elapsedMillis), now));
  }

  @ParameterizedTest
  @CsvSource({"10000, in a few seconds", "7200000, in 2 hours"})
  void futureTimes(long aheadMillis, String expected) {
    assertEquals(expected, RelativeTime.fromNow(NOW.plus(Duration.ofMillis(aheadMillis)), NOW));
  }

  @Test
  void missingTimeIsAnInvalidDate() {
    assertEquals("Invalid date", RelativeTime.fromNow(null, NOW));
  }
}
