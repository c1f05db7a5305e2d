package io.notejam.rollout;

import java.time.Duration;

/** Formats a duration the way the progress lines show it: {@code 42s}, {@code 3m07s}. */
final class Elapsed {
  private Elapsed() {}

  static String format(Duration duration) {
    long seconds = duration.toSeconds();
    return seconds < 60 ? seconds + "s" : String.format("%dm%02ds", seconds / 60, seconds % 60);
  }
}
