package io.notejam.gateway.routing;

import io.netty.handler.codec.http.HttpHeaders;
import java.net.InetAddress;

/**
 * What listener rules look at: the method, the raw path and query as received (no decoding, no
 * normalisation), the first Host header, the headers and the TCP peer.
 */
public record RequestFacts(
    String method, String path, String query, String host, HttpHeaders headers, InetAddress peer) {

  /** The Host value without its {@code :port}, as host-header conditions compare it. */
  public String hostWithoutPort() {
    if (host == null) {
      return null;
    }
    if (host.startsWith("[")) {
      int end = host.indexOf(']');
      return end < 0 ? host : host.substring(0, end + 1);
    }
    int colon = host.lastIndexOf(':');
    return colon < 0 ? host : host.substring(0, colon);
  }
}
