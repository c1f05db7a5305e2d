package io.notejam.rollout;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Pattern;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Reads {@code 500ms}, {@code 30s}, {@code 15m}, {@code 1h} or ISO-8601 {@code PT15M}. */
final class DurationConverter implements ITypeConverter<Duration> {
  private static final Pattern AMOUNT_AND_UNIT = Pattern.compile("(\\d+)(ms|s|m|h)");

  @Override
  public Duration convert(String value) {
    var match = AMOUNT_AND_UNIT.matcher(value.trim().toLowerCase(Locale.ROOT));
    if (match.matches()) {
      long amount = Long.parseLong(match.group(1));
      return switch (match.group(2)) {
        case "ms" -> Duration.ofMillis(amount);
        case "s" -> Duration.ofSeconds(amount);
        case "m" -> Duration.ofMinutes(amount);
        default -> Duration.ofHours(amount);
      };
    }
    try {
      return Duration.parse(value.trim());
    } catch (DateTimeParseException e) {
      throw new TypeConversionException(
          "'" + value + "' is not a duration (examples: 500ms, 30s, 15m, 1h, PT15M)");
    }
  }
}
