package io.notejam.express.routing;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Produces;
import io.notejam.express.web.Responses;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.zip.CRC32;

/**
 * The one static file, {@code /express/stylesheets/style.css}, with the original's static-file
 * headers (spec 1.3): {@code text/css; charset=UTF-8}, {@code Cache-Control: public, max-age=0}, a
 * weak ETag and Last-Modified, and 304 for a matching {@code If-None-Match}. The directory without
 * its slash answers the static middleware's 303 (then a 404). Paths here are case-sensitive.
 */
@Controller
@Produces(MediaType.ALL)
public class Stylesheet {
  static final String CONTENT_TYPE = "text/css; charset=UTF-8";
  private static final String RESOURCE = "public/stylesheets/style.css";

  private final byte[] css;
  private final String etag;
  private final String lastModified;

  public Stylesheet() {
    try (InputStream in = Stylesheet.class.getClassLoader().getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(RESOURCE + " is missing");
      }
      css = in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    CRC32 crc = new CRC32();
    crc.update(css);
    etag = "W/\"" + css.length + "-" + Long.toHexString(crc.getValue()) + "\"";
    // The file changes only with a new build, so the start of this process stands for its date.
    lastModified =
        DateTimeFormatter.RFC_1123_DATE_TIME.format(
            Instant.now().truncatedTo(ChronoUnit.SECONDS).atZone(ZoneOffset.UTC));
  }

  @Get("/express/stylesheets/style.css")
  public MutableHttpResponse<byte[]> css(HttpRequest<?> request) {
    boolean unchanged = etag.equals(request.getHeaders().get(HttpHeaders.IF_NONE_MATCH));
    MutableHttpResponse<byte[]> response =
        unchanged ? HttpResponse.status(HttpStatus.NOT_MODIFIED) : HttpResponse.ok(css);
    return response
        .header(HttpHeaders.CONTENT_TYPE, CONTENT_TYPE)
        .header(HttpHeaders.CACHE_CONTROL, "public, max-age=0")
        .header(HttpHeaders.ETAG, etag)
        .header(HttpHeaders.LAST_MODIFIED, lastModified);
  }

  /** This route also takes the path with its slash, which lists nothing: the 404 page. */
  @Get("/express/stylesheets")
  public MutableHttpResponse<byte[]> directory(HttpRequest<?> request) {
    return request.getPath().endsWith("/")
        ? HttpResponse.notFound()
        : Responses.seeOther("/express/stylesheets/");
  }
}
