package io.notejam.gateway.proxy;

import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.notejam.albconfig.model.Action;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/** The redirect and fixed-response actions. */
final class LocalResponses {
  private LocalResponses() {}

  /**
   * The redirect target: every component not configured keeps the request's value; the port is
   * always written, {@code #{path}} has no leading slash and an empty query drops the {@code ?}.
   */
  static String location(
      Action.RedirectConfig config, String host, int listenerPort, String path, String query) {
    String originalPath = path.startsWith("/") ? path.substring(1) : path;
    String originalQuery = query == null ? "" : query;
    String[] keywords = {"#{protocol}", "#{host}", "#{port}", "#{path}", "#{query}"};
    String[] values = {"http", host, Integer.toString(listenerPort), originalPath, originalQuery};
    String protocol = expand(or(config.protocol(), "#{protocol}"), keywords, values);
    String newHost = expand(or(config.host(), "#{host}"), keywords, values);
    String port = expand(or(config.port(), "#{port}"), keywords, values);
    String newPath = expand(or(config.path(), "/#{path}"), keywords, values);
    String newQuery = expand(or(config.query(), "#{query}"), keywords, values);
    return protocol.toLowerCase(Locale.ROOT)
        + "://"
        + newHost
        + ":"
        + port
        + newPath
        + (newQuery.isEmpty() ? "" : "?" + newQuery);
  }

  static FullHttpResponse redirect(
      Action.RedirectConfig config, String location, boolean keepAlive) {
    AlbPages page =
        "HTTP_301".equals(config.statusCode())
            ? AlbPages.MOVED_PERMANENTLY
            : AlbPages.MOVED_TEMPORARILY;
    FullHttpResponse response = page.response(keepAlive);
    response.headers().set(HeaderNames.LOCATION, location);
    return response;
  }

  static FullHttpResponse fixed(Action.FixedResponseConfig config, boolean keepAlive) {
    int code = Integer.parseInt(config.statusCode());
    byte[] body =
        config.messageBody() == null
            ? new byte[0]
            : config.messageBody().getBytes(StandardCharsets.UTF_8);
    return AlbPages.build(
        statusFor(code), Unpooled.wrappedBuffer(body), config.contentType(), keepAlive);
  }

  /**
   * The standard reason phrase, or none for a code without one (as nginx writes {@code 418 }), not
   * Netty's made-up {@code Client Error (418)}.
   */
  private static HttpResponseStatus statusFor(int code) {
    HttpResponseStatus known = HttpResponseStatus.valueOf(code);
    return known.reasonPhrase().endsWith("(" + code + ")")
        ? new HttpResponseStatus(code, "")
        : known;
  }

  private static String or(String value, String fallback) {
    return value == null ? fallback : value;
  }

  private static String expand(String template, String[] keywords, String[] values) {
    String result = template;
    for (int i = 0; i < keywords.length; i++) {
      result = result.replace(keywords[i], values[i]);
    }
    return result;
  }
}
