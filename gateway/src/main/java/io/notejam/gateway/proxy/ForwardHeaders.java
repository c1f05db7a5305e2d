package io.notejam.gateway.proxy;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.util.AsciiString;
import java.net.Inet6Address;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The header rewrites between client and target: hop-by-hop removal, X-Forwarded-For (append,
 * preserve or remove), X-Forwarded-Proto/Port, Host (lower-cased, listener port rules) and the
 * optional removal of header names outside {@code [-A-Za-z0-9]}.
 */
final class ForwardHeaders {
  static final AsciiString X_FORWARDED_FOR = AsciiString.cached("X-Forwarded-For");
  static final AsciiString X_FORWARDED_PROTO = AsciiString.cached("X-Forwarded-Proto");
  static final AsciiString X_FORWARDED_PORT = AsciiString.cached("X-Forwarded-Port");
  static final AsciiString X_AMZN_TRACE_ID = AsciiString.cached("X-Amzn-Trace-Id");
  private static final Pattern VALID_NAME = Pattern.compile("[-A-Za-z0-9]+");

  private ForwardHeaders() {}

  /**
   * Removes, in place, the hop-by-hop headers (and those named in Connection), and with {@code
   * dropInvalidNames} the names outside {@code [-A-Za-z0-9]}. The headers are changed in place
   * rather than copied: most requests and responses carry none of them, so nothing is allocated.
   */
  static void stripHopByHop(HttpHeaders headers, boolean dropInvalidNames) {
    List<String> named = connectionTokens(headers);
    List<CharSequence> doomed = null;
    Iterator<Map.Entry<CharSequence, CharSequence>> all = headers.iteratorCharSequence();
    while (all.hasNext()) {
      CharSequence name = all.next().getKey();
      if (isHopByHop(name)
          || (named != null && isNamedIn(named, name))
          || (dropInvalidNames && !VALID_NAME.matcher(name).matches())) {
        if (doomed == null) {
          doomed = new ArrayList<>(2);
        }
        doomed.add(name);
      }
    }
    if (doomed != null) {
      doomed.forEach(headers::remove);
    }
  }

  /** The header names listed in Connection ({@code keep-alive} is hop-by-hop anyway), or null. */
  private static List<String> connectionTokens(HttpHeaders headers) {
    if (!headers.contains(HttpHeaderNames.CONNECTION)) {
      return null;
    }
    List<String> named = null;
    for (String connection : headers.getAll(HttpHeaderNames.CONNECTION)) {
      for (String token : connection.split(",")) {
        String name = token.trim().toLowerCase(Locale.ROOT);
        if (!name.isEmpty() && !name.equals("keep-alive")) {
          if (named == null) {
            named = new ArrayList<>(2);
          }
          named.add(name);
        }
      }
    }
    return named;
  }

  private static boolean isNamedIn(List<String> named, CharSequence name) {
    for (String token : named) {
      if (AsciiString.contentEqualsIgnoreCase(token, name)) {
        return true;
      }
    }
    return false;
  }

  /** The hop-by-hop headers of RFC 9110 (and {@code Expect}, answered here), any case. */
  static boolean isHopByHop(CharSequence name) {
    return switch (name.length()) {
      case 2 -> AsciiString.contentEqualsIgnoreCase(name, "te");
      case 6 -> AsciiString.contentEqualsIgnoreCase(name, "expect");
      case 7 ->
          AsciiString.contentEqualsIgnoreCase(name, "upgrade")
              || AsciiString.contentEqualsIgnoreCase(name, "trailer");
      case 10 ->
          AsciiString.contentEqualsIgnoreCase(name, "connection")
              || AsciiString.contentEqualsIgnoreCase(name, "keep-alive");
      case 16 -> AsciiString.contentEqualsIgnoreCase(name, "proxy-connection");
      case 17 -> AsciiString.contentEqualsIgnoreCase(name, "transfer-encoding");
      case 18 -> AsciiString.contentEqualsIgnoreCase(name, "proxy-authenticate");
      case 19 -> AsciiString.contentEqualsIgnoreCase(name, "proxy-authorization");
      default -> false;
    };
  }

  /** Number of addresses in the incoming X-Forwarded-For headers. */
  static int forwardedForCount(HttpHeaders headers) {
    int count = 0;
    for (String value : headers.getAll(X_FORWARDED_FOR)) {
      for (String item : value.split(",")) {
        if (!item.isBlank()) {
          count++;
        }
      }
    }
    return count;
  }

  /**
   * Applies the XFF mode; {@code client} is the TCP peer as {@link #clientAddress} writes it for
   * the load balancer's client-port setting.
   */
  static void applyForwardedFor(HttpHeaders headers, LoadBalancerSettings settings, String client) {
    switch (settings.xffMode()) {
      case "remove" -> headers.remove(X_FORWARDED_FOR);
      case "preserve" -> {
        // passes through unchanged, none added
      }
      default -> {
        List<String> existing = headers.getAll(X_FORWARDED_FOR);
        headers.set(
            X_FORWARDED_FOR,
            existing.isEmpty() ? client : String.join(", ", existing) + ", " + client);
      }
    }
  }

  /** The client as X-Forwarded-For names it: the IP, or {@code ip:port} / {@code [v6]:port}. */
  static String clientAddress(InetSocketAddress peer, boolean withPort) {
    String ip = peer.getAddress().getHostAddress();
    int zone = ip.indexOf('%');
    if (zone >= 0) {
      ip = ip.substring(0, zone);
    }
    if (!withPort) {
      return ip;
    }
    return (peer.getAddress() instanceof Inet6Address ? "[" + ip + "]" : ip) + ":" + peer.getPort();
  }

  /**
   * The Host the target receives (without preserve): the request's host lower-cased; on listener
   * port 80 or 443 without a port, elsewhere with {@code :<listener port>} when the client gave
   * none; the load balancer's DNS name when the request had no Host (HTTP/1.0).
   */
  static String hostForTarget(String host, int listenerPort, String dnsName) {
    if (host == null || host.isEmpty()) {
      return dnsName;
    }
    String lower = host.toLowerCase(Locale.ROOT);
    String name = lower;
    String port = null;
    int colon = lower.lastIndexOf(':');
    if (colon >= 0 && lower.indexOf(']') < colon) {
      name = lower.substring(0, colon);
      port = lower.substring(colon + 1);
    }
    if (listenerPort == 80 || listenerPort == 443) {
      return name;
    }
    return port == null ? name + ":" + listenerPort : lower;
  }
}
