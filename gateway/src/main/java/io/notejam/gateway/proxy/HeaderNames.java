package io.notejam.gateway.proxy;

import io.netty.util.AsciiString;

/**
 * Names of the headers the load balancer writes itself, spelled as ALB writes them ({@code Server:
 * awselb/2.0}, not Netty's lower-case constants), for clients that read header names byte for byte.
 * Lookups keep using Netty's constants: header names compare case-insensitively.
 */
final class HeaderNames {
  static final AsciiString SERVER = AsciiString.cached("Server");
  static final AsciiString DATE = AsciiString.cached("Date");
  static final AsciiString CONTENT_TYPE = AsciiString.cached("Content-Type");
  static final AsciiString CONTENT_LENGTH = AsciiString.cached("Content-Length");
  static final AsciiString CONNECTION = AsciiString.cached("Connection");
  static final AsciiString LOCATION = AsciiString.cached("Location");
  static final AsciiString SET_COOKIE = AsciiString.cached("Set-Cookie");
  static final AsciiString HOST = AsciiString.cached("Host");
  static final AsciiString TRANSFER_ENCODING = AsciiString.cached("Transfer-Encoding");

  private HeaderNames() {}
}
