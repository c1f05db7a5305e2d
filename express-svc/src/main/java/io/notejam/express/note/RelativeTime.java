package io.notejam.express.note;

import io.micronaut.core.annotation.Nullable;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;

/**
 * moment.js 2.24 {@code fromNow()} in English, which the original shows for "Last modified" and
 * "Last edited". As moment does, the span is whole calendar months (in UTC, the original's server
 * zone) plus the remaining milliseconds; each unit is rounded half-up from that span, then the
 * first matching threshold wins. So 46 days can read "a month ago" or "2 months ago" depending on
 * the months it spans.
 */
public final class RelativeTime {
  static final String INVALID = "Invalid date";

  private RelativeTime() {}

  public static String fromNow(@Nullable Instant then, Instant now) {
    if (then == null) {
      return INVALID;
    }
    boolean future = then.isAfter(now);
    ZonedDateTime from = (future ? now : then).atZone(ZoneOffset.UTC);
    ZonedDateTime to = (future ? then : now).atZone(ZoneOffset.UTC);
    long months =
        (to.getYear() - from.getYear()) * 12L + (to.getMonthValue() - from.getMonthValue());
    if (from.plusMonths(months).isAfter(to)) {
      months--;
    }
    long ms = Duration.between(from.plusMonths(months), to).toMillis();
    String phrase = phrase(months, ms);
    return future ? "in " + phrase : phrase + " ago";
  }

  /**
   * moment's {@code relativeTime} on a duration of {@code months} and {@code ms}, as JS computes.
   */
  private static String phrase(long months, long ms) {
    double monthDays = Math.round(months * 146097 / 4800.0);
    long seconds = Math.round(monthDays * 86400 + ms / 1e3);
    long minutes = Math.round(monthDays * 1440 + ms / 6e4);
    long hours = Math.round(monthDays * 24 + ms / 36e5);
    long days = Math.round(monthDays + ms / 864e5);
    double exactMonths = months + ms / 864e5 * 4800 / 146097;
    long roundMonths = Math.round(exactMonths);
    long years = Math.round(exactMonths / 12);
    if (seconds <= 44) {
      return "a few seconds";
    } else if (minutes <= 1) {
      return "a minute";
    } else if (minutes < 45) {
      return minutes + " minutes";
    } else if (hours <= 1) {
      return "an hour";
    } else if (hours < 22) {
      return hours + " hours";
    } else if (days <= 1) {
      return "a day";
    } else if (days < 26) {
      return days + " days";
    } else if (roundMonths <= 1) {
      return "a month";
    } else if (roundMonths < 11) {
      return roundMonths + " months";
    } else if (years <= 1) {
      return "a year";
    }
    return years + " years";
  }
}
