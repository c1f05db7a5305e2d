package io.notejam.express.web;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.web.router.RouteAttributes;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;

/**
 * The ETag Express 4.2's {@code res.send} puts on every GET or HEAD answer with a body (pages,
 * error pages, the plain 404): the body's CRC-32 as a signed number in quotes; a 2xx whose ETag the
 * request's {@code If-None-Match} names is answered 304 without a body (spec 1.5). Redirects have
 * none, as Express writes them without {@code res.send}. A HEAD answer, whose body Micronaut keeps
 * aside, gets the ETag and the {@code Content-Length} of the GET answer, as Express sends them (and
 * so keeps its connection).
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
public class PageEtags {
  @ResponseFilter
  public void tag(HttpRequest<?> request, MutableHttpResponse<?> response) {
    HttpMethod method = request.getMethod();
    int status = response.code();
    if ((method != HttpMethod.GET && method != HttpMethod.HEAD)
        || (status >= 300 && status < 400)
        || response.getHeaders().contains(HttpHeaders.ETAG)) {
      return;
    }
    Object sent = response.getBody().orElse(null);
    if (sent == null && method == HttpMethod.HEAD) {
      sent = RouteAttributes.getHeadBody(response).orElse(null);
    }
    byte[] body =
        sent instanceof byte[] bytes
            ? bytes
            : sent instanceof String text ? text.getBytes(StandardCharsets.UTF_8) : null;
    if (body == null || body.length == 0) {
      return;
    }
    if (method == HttpMethod.HEAD && !response.getHeaders().contains(HttpHeaders.CONTENT_LENGTH)) {
      response.contentLength(body.length);
    }
    CRC32 crc = new CRC32();
    crc.update(body);
    String etag = "\"" + (int) crc.getValue() + "\"";
    response.header(HttpHeaders.ETAG, etag);
    if (status >= 200
        && status < 300
        && etag.equals(request.getHeaders().get(HttpHeaders.IF_NONE_MATCH))) {
      response.status(HttpStatus.NOT_MODIFIED).body(null);
    }
  }
}
