package io.notejam.gateway.targets;

import java.util.ArrayList;
import java.util.List;

/**
 * Where a group's targets come from: an IP address, or a DNS name standing for every address behind
 * it (compose service names), each with an optional port (default: the group's).
 */
public record TargetSource(String host, Integer port) {

  /**
   * Parses {@code host[:port][,host[:port]…]} as given in {@code GATEWAY_TARGETS_<GROUP>}; IPv6
   * addresses are written in brackets ({@code [::1]:3000}).
   */
  public static List<TargetSource> parseList(String text) {
    List<TargetSource> sources = new ArrayList<>();
    for (String item : text.split(",")) {
      String entry = item.trim();
      if (entry.isEmpty()) {
        continue;
      }
      String host = entry;
      Integer port = null;
      int colon = entry.lastIndexOf(':');
      boolean bracketed = entry.startsWith("[");
      if (bracketed) {
        int end = entry.indexOf(']');
        if (end < 0) {
          throw new IllegalArgumentException("'" + entry + "' has no closing ']'");
        }
        host = entry.substring(1, end);
        if (end + 1 < entry.length()) {
          port = parsePort(entry, entry.substring(end + 2));
        }
      } else if (colon > 0 && entry.indexOf(':') == colon) {
        host = entry.substring(0, colon);
        port = parsePort(entry, entry.substring(colon + 1));
      }
      sources.add(new TargetSource(host, port));
    }
    return sources;
  }

  private static int parsePort(String entry, String text) {
    try {
      int port = Integer.parseInt(text);
      if (port < 1 || port > 65535) {
        throw new NumberFormatException();
      }
      return port;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("'" + entry + "' has no valid port (1-65535)", e);
    }
  }
}
