package io.notejam.gateway.proxy;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.DateFormatter;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import java.nio.charset.StandardCharsets;
import java.util.Date;

/**
 * Responses the load balancer writes itself: the nginx-style HTML page with CRLF line ends and
 * {@code Server: awselb/2.0} (503 is exactly 162 bytes, 502 122, a 302 redirect 110).
 */
public enum AlbPages {
  BAD_REQUEST(400, "Bad Request", "400 Bad Request"),
  NOT_ALLOWED(405, "Method Not Allowed", "405 Not Allowed"),
  // the status line as spec §7.1 gives it, the title as nginx writes it (as for 405)
  REQUEST_TIMEOUT(408, "Request Timeout", "408 Request Time-out"),
  XFF_TOO_LONG(463, "", "463"),
  PROTOCOL_MISMATCH(464, "", "464"),
  INTERNAL_ERROR(500, "Internal Server Error", "500 Internal Server Error"),
  NOT_IMPLEMENTED(501, "Not Implemented", "501 Not Implemented"),
  BAD_GATEWAY(502, "Bad Gateway", "502 Bad Gateway"),
  UNAVAILABLE(503, "Service Temporarily Unavailable", "503 Service Temporarily Unavailable"),
  GATEWAY_TIMEOUT(504, "Gateway Time-out", "504 Gateway Time-out"),
  VERSION_NOT_SUPPORTED(505, "HTTP Version Not Supported", "505 HTTP Version Not Supported"),
  MOVED_PERMANENTLY(301, "Moved Permanently", "301 Moved Permanently"),
  MOVED_TEMPORARILY(302, "Moved Temporarily", "302 Found");

  static final String SERVER = "awselb/2.0";

  private final HttpResponseStatus status;
  private final byte[] body;

  AlbPages(int code, String phrase, String title) {
    this.status = new HttpResponseStatus(code, phrase);
    this.body = page(title).getBytes(StandardCharsets.US_ASCII);
  }

  static String page(String title) {
    return "<html>\r\n<head><title>"
        + title
        + "</title></head>\r\n<body>\r\n<center><h1>"
        + title
        + "</h1></center>\r\n</body>\r\n</html>\r\n";
  }

  public int code() {
    return status.code();
  }

  /** The page as a complete response; {@code keepAlive} picks the Connection header. */
  FullHttpResponse response(boolean keepAlive) {
    return build(status, Unpooled.wrappedBuffer(body), "text/html", keepAlive);
  }

  static FullHttpResponse build(
      HttpResponseStatus status, ByteBuf body, String contentType, boolean keepAlive) {
    FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status, body);
    response.headers().set(HeaderNames.SERVER, SERVER);
    response.headers().set(HeaderNames.DATE, DateFormatter.format(new Date()));
    if (contentType != null) {
      response.headers().set(HeaderNames.CONTENT_TYPE, contentType);
    }
    response.headers().set(HeaderNames.CONTENT_LENGTH, body.readableBytes());
    response
        .headers()
        .set(
            HeaderNames.CONNECTION,
            keepAlive ? HttpHeaderValues.KEEP_ALIVE : HttpHeaderValues.CLOSE);
    return response;
  }
}
