package io.notejam.express.note;

import io.micronaut.core.annotation.Nullable;
import java.time.Duration;
import java.time.Instant;

/**
 * moment.js 2.24 {@code fromNow()} in English, which the original shows for "Last modified" and
 * "Last edited": each unit is rounded half-up from the elapsed time, then the first matching
 * threshold wins.
 */
public final class RelativeTime {
  static final String INVALID = "Invalid date";
  private static final double MS_PER_DAY = 864e5;

  private RelativeTime() {}

  public static String fromNow(@Nullable Instant then, Instant now) {
    if (then == null) {
      return INVALID;
    }
    long ms = Duration.between(then, now).toMillis();
    String phrase = phrase(Math.abs(ms));
    return ms < 0 ? "in " + phrase : phrase + " ago";
  }

  private static String phrase(long ms) {
    long seconds = Math.round(ms / 1e3);
    long minutes = Math.round(ms / 6e4);
    long hours = Math.round(ms / 36e5);
    long days = Math.round(ms / MS_PER_DAY);
    double exactMonths = ms / MS_PER_DAY * 4800 / 146097;
    long months = Math.round(exactMonths);
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
    } else if (months <= 1) {
      return "a month";
    } else if (months < 11) {
      return months + " months";
    } else if (years <= 1) {
      return "a year";
    }
    return years + " years";
  }
}
