package io.notejam.express.web;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The body of a 302 as Express 4.2's {@code res.redirect} writes it (spec 1.2): {@code res.format}
 * picks plain text or HTML by the request's {@code Accept}, with negotiator 0.4's rules (no or an
 * empty header: text; each type's quality from its most specific matching range; ties: text), and
 * sends an empty body without a type when the client accepts neither. Always {@code Vary: Accept}.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
public class RedirectBodies {
  private static final Pattern MEDIA_RANGE =
      Pattern.compile("\\s*(\\S+?)/([^;\\s]+)\\s*(?:;(.*))?");

  /** What {@code res.format} chose. */
  enum Format {
    TEXT,
    HTML,
    NEITHER
  }

  @ResponseFilter
  public void writeBody(HttpRequest<?> request, MutableHttpResponse<?> response) {
    response
        .getAttribute(Responses.FOUND, String.class)
        .ifPresent(
            location -> {
              response.header(HttpHeaders.VARY, HttpHeaders.ACCEPT);
              switch (format(request.getHeaders().get(HttpHeaders.ACCEPT))) {
                case TEXT ->
                    response
                        .header(HttpHeaders.CONTENT_TYPE, Responses.TEXT_CONTENT_TYPE)
                        .body("Found. Redirecting to " + location);
                case HTML -> {
                  String link = escape(location);
                  response
                      .header(HttpHeaders.CONTENT_TYPE, Html.CONTENT_TYPE)
                      .body(
                          "<p>Found. Redirecting to <a href=\"" + link + "\">" + link + "</a></p>");
                }
                case NEITHER -> response.body("");
              }
            });
  }

  static Format format(String accept) {
    if (accept == null || accept.isEmpty()) {
      return Format.TEXT;
    }
    double[] text = priority("text", "plain", accept);
    double[] html = priority("text", "html", accept);
    if (text[0] <= 0 && html[0] <= 0) {
      return Format.NEITHER;
    }
    // Sorted by quality, then specificity; a tie keeps the order given, text first.
    if (html[0] > text[0] || (html[0] == text[0] && html[1] > text[1])) {
      return Format.HTML;
    }
    return Format.TEXT;
  }

  /** {quality, specificity} of the most specific range in {@code accept} that matches the type. */
  private static double[] priority(String type, String subtype, String accept) {
    double bestQuality = 0;
    int bestSpecificity = -1;
    for (String range : accept.split(",")) {
      Matcher m = MEDIA_RANGE.matcher(range.trim());
      if (!m.lookingAt()) {
        continue;
      }
      int specificity = 0;
      if (m.group(1).toLowerCase(Locale.ROOT).equals(type)) {
        specificity |= 4;
      } else if (!m.group(1).equals("*")) {
        continue;
      }
      if (m.group(2).toLowerCase(Locale.ROOT).equals(subtype)) {
        specificity |= 2;
      } else if (!m.group(2).equals("*")) {
        continue;
      }
      double quality = 1;
      boolean otherParameters = false;
      boolean parametersMatch = true;
      if (m.group(3) != null) {
        for (String parameter : m.group(3).split(";")) {
          String[] pair = parameter.trim().split("=", -1);
          if (pair[0].equals("q")) {
            quality = pair.length > 1 ? parseQuality(pair[1]) : 0;
          } else {
            otherParameters = true;
            // Our types carry no parameters: only a wildcard or empty value matches.
            String value = pair.length > 1 ? pair[1] : "";
            parametersMatch &= value.equals("*") || value.isEmpty();
          }
        }
      }
      if (!parametersMatch) {
        continue;
      }
      if (otherParameters) {
        specificity |= 1;
      }
      if (specificity > bestSpecificity
          || (specificity == bestSpecificity && quality > bestQuality)) {
        bestSpecificity = specificity;
        bestQuality = quality;
      }
    }
    return new double[] {bestQuality, bestSpecificity};
  }

  private static double parseQuality(String value) {
    try {
      double q = Double.parseDouble(value.trim());
      return Double.isNaN(q) ? 0 : q;
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  /** escape-html as the original's redirects use it. */
  static String escape(String text) {
    return text.replace("&", "&amp;")
        .replace("\"", "&quot;")
        .replace("'", "&#39;")
        .replace("<", "&lt;")
        .replace(">", "&gt;");
  }
}
