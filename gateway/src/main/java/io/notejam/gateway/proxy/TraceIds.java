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

  private static final char[] HEX = "0123456789abcdef".toCharArray();

  /** {@code 1-<epoch seconds, 8 hex>-<24 hex>}. */
  static String newId() {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    char[] id = new char[35];
    id[0] = '1';
    id[1] = '-';
    putHex(id, 2, System.currentTimeMillis() / 1000, 8);
    id[10] = '-';
    putHex(id, 11, random.nextInt(), 8);
    putHex(id, 19, random.nextLong(), 16);
    return new String(id);
  }

  /** A connection's {@code conn_trace_id}: {@code TID_} and 32 hex digits. */
  static String connectionId() {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    char[] id = new char[36];
    "TID_".getChars(0, 4, id, 0);
    putHex(id, 4, random.nextLong(), 16);
    putHex(id, 20, random.nextLong(), 16);
    return new String(id);
  }

  /** Writes the low {@code digits} hex digits of {@code value} at {@code at}, zero-padded. */
  private static void putHex(char[] out, int at, long value, int digits) {
    for (int i = at + digits - 1; i >= at; i--) {
      out[i] = HEX[(int) (value & 0xf)];
      value >>>= 4;
    }
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
