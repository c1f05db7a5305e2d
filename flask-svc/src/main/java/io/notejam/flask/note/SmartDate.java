package io.notejam.flask.note;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;

/**
 * The original's {@code smart_date} filter as it really behaves: "Today at HH:MM", "Yesterday at
 * HH:MM", else the ISO date — its "N days ago" branch can never run (B5). Days are counted on the
 * server's local calendar, as the timestamps are local wall-clock times.
 */
public final class SmartDate {
  private final LocalDate today;

  SmartDate(Clock clock) {
    this.today = LocalDate.now(clock);
  }

  /** For one page: "today" is fixed once so that all rows agree. */
  static SmartDate now() {
    return new SmartDate(Clock.systemDefaultZone());
  }

  public String format(LocalDateTime value) {
    if (value == null) {
      return "";
    }
    long days = ChronoUnit.DAYS.between(value.toLocalDate(), today);
    if (days == 0) {
      return "Today at " + hoursAndMinutes(value);
    }
    if (days == 1) {
      return "Yesterday at " + hoursAndMinutes(value);
    }
    return value.toLocalDate().toString(); // yyyy-MM-dd for every year a DATETIME holds
  }

  /** {@code HH:mm}, without a formatter: this runs for every row of a list. */
  private static String hoursAndMinutes(LocalDateTime value) {
    int hour = value.getHour();
    int minute = value.getMinute();
    return new String(
        new char[] {
          (char) ('0' + hour / 10),
          (char) ('0' + hour % 10),
          ':',
          (char) ('0' + minute / 10),
          (char) ('0' + minute % 10)
        });
  }
}
