package io.notejam.express.web;

import io.notejam.common.session.CookieSession;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * One-time messages carried in the session from a POST to the page its redirect lands on. As in the
 * original (connect-flash read by a middleware on every request, spec 6.1, 9.5), the next request
 * takes them ({@link FlashFilter}), whether it renders a page or not; the {@code /express} → {@code
 * /express/} hop and static files do not.
 */
public final class Flash {
  private static final String KEY = "flash";

  /** The messages the current request took, until the page shows them or the request ends. */
  private static final String TAKEN = "flash.taken";

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

  /** At the start of a request: the pending messages become this request's to show. */
  static void takeForThisRequest(CookieSession session) {
    session
        .get(KEY)
        .ifPresent(
            stored -> {
              session.remove(KEY);
              session.put(TAKEN, stored);
            });
  }

  /** At the end of a request: messages it took and did not show are gone. */
  static void dropTaken(CookieSession session) {
    if (session.get(TAKEN).isPresent()) {
      session.remove(TAKEN);
    }
  }

  /** The messages this request took, to show on its page. */
  public static Messages take(CookieSession session) {
    List<String> success = new ArrayList<>();
    List<String> error = new ArrayList<>();
    session
        .get(TAKEN)
        .ifPresent(
            stored -> {
              session.remove(TAKEN);
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
