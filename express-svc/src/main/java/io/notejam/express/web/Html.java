package io.notejam.express.web;

import io.micronaut.http.MediaType;
import java.util.Map;

/** The content type of every page, as the original sends it. */
public final class Html {
  public static final String CONTENT_TYPE = "text/html;charset=utf-8";
  public static final MediaType MEDIA_TYPE =
      new MediaType(MediaType.TEXT_HTML, Map.of("charset", "utf-8"));

  private Html() {}
}
