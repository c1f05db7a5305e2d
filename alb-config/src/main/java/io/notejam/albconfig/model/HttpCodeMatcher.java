package io.notejam.albconfig.model;

import java.util.ArrayList;
import java.util.List;

/**
 * A parsed {@code Matcher.HttpCode}: a comma-separated list of codes and {@code low-high} ranges.
 */
public final class HttpCodeMatcher {
  private final String text;
  private final List<int[]> ranges;

  private HttpCodeMatcher(String text, List<int[]> ranges) {
    this.text = text;
    this.ranges = ranges;
  }

  /**
   * Parses "200", "200,202", "200-299" or mixes such as "200-299,302".
   *
   * @throws IllegalArgumentException when the text is not such a list
   */
  public static HttpCodeMatcher parse(String text) {
    List<int[]> ranges = new ArrayList<>();
    for (String part : text.split(",", -1)) {
      String item = part.trim();
      int dash = item.indexOf('-');
      try {
        if (dash < 0) {
          int code = Integer.parseInt(item);
          ranges.add(new int[] {code, code});
        } else {
          int low = Integer.parseInt(item.substring(0, dash).trim());
          int high = Integer.parseInt(item.substring(dash + 1).trim());
          if (low > high) {
            throw new IllegalArgumentException("range '" + item + "' is empty");
          }
          ranges.add(new int[] {low, high});
        }
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("'" + item + "' is not a status code or range", e);
      }
    }
    return new HttpCodeMatcher(text, List.copyOf(ranges));
  }

  public boolean matches(int status) {
    for (int[] range : ranges) {
      if (status >= range[0] && status <= range[1]) {
        return true;
      }
    }
    return false;
  }

  /** The lowest and highest code named anywhere in the matcher. */
  int lowest() {
    return ranges.stream().mapToInt(range -> range[0]).min().orElse(0);
  }

  int highest() {
    return ranges.stream().mapToInt(range -> range[1]).max().orElse(0);
  }

  /** True when every code lies within {@code low..high}. */
  public boolean within(int low, int high) {
    return lowest() >= low && highest() <= high;
  }

  @Override
  public String toString() {
    return text;
  }
}
