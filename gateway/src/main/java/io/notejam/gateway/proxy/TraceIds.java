package io.notejam.gateway.proxy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * X-Amzn-Trace-Id as ALB rewrites it: a new {@code Root} when absent; when present, a fresh {@code
 * Self} first (replacing an incoming one), the other fields kept in order.
 */
final class TraceIds {
  private TraceIds() {}

  /** {@code 1-<epoch seconds, 8 hex>-<24 hex>}. */
  static String newId() {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    return String.format(
        "1-%08x-%08x%016x", System.currentTimeMillis() / 1000, random.nextInt(), random.nextLong());
  }

  /**
   * @param incoming the request's header value, or null
   * @param headersTooLarge whether the request headers exceed 7 KB (then only a Root is kept)
   */
  static String forward(String incoming, boolean headersTooLarge) {
    if (incoming == null || incoming.isBlank()) {
      return "Root=" + newId();
    }
    List<String> kept = new ArrayList<>();
    String root = null;
    for (String field : incoming.split(";")) {
      String trimmed = field.trim();
      if (trimmed.isEmpty() || trimmed.regionMatches(true, 0, "Self=", 0, 5)) {
        continue;
      }
      if (trimmed.regionMatches(true, 0, "Root=", 0, 5)) {
        root = trimmed;
      }
      kept.add(trimmed);
    }
    if (headersTooLarge) {
      return root != null ? root : "Root=" + newId();
    }
    if (root == null) {
      kept.add(0, "Root=" + newId());
      return String.join(";", kept);
    }
    return "Self=" + newId() + ";" + String.join(";", kept);
  }
}
