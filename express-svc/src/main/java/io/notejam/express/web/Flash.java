package io.notejam.express.web;

import io.notejam.common.session.CookieSession;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * One-time messages carried in the session from a POST to the page its redirect lands on. They are
 * consumed only when a page is rendered, so redirect hops (e.g. {@code /express} → {@code
 * /express/}) keep them (spec 6.1).
 */
public final class Flash {
  private static final String KEY = "flash";
  private static final String SUCCESS = "s";
  private static final String ERROR = "e";

  /** The messages to show on one page: all successes, then all errors. */
  public record Messages(List<String> success, List<String> error) {
    public boolean isEmpty() {
      return success.isEmpty() && error.isEmpty();
    }
  }

  private Flash() {}

  public static void success(CookieSession session, String message) {
    add(session, SUCCESS, message);
  }

  public static void error(CookieSession session, String message) {
    add(session, ERROR, message);
  }

  /** Removes and returns the pending messages. */
  public static Messages take(CookieSession session) {
    List<String> success = new ArrayList<>();
    List<String> error = new ArrayList<>();
    session
        .get(KEY)
        .ifPresent(
            stored -> {
              session.remove(KEY);
              for (String entry : stored.split("&")) {
                if (entry.length() > 1) {
                  String text = URLDecoder.decode(entry.substring(1), StandardCharsets.UTF_8);
                  (entry.startsWith(SUCCESS) ? success : error).add(text);
                }
              }
            });
    return new Messages(success, error);
  }

  private static void add(CookieSession session, String kind, String message) {
    String entry = kind + URLEncoder.encode(message, StandardCharsets.UTF_8);
    session.put(KEY, session.get(KEY).map(pending -> pending + "&" + entry).orElse(entry));
  }
}
