package io.notejam.express.web;

import io.micronaut.http.MediaType;
import java.util.Map;

/** The content type of every page (the original sends the same type and charset). */
public final class Html {
  public static final String CONTENT_TYPE = "text/html;charset=UTF-8";
  public static final MediaType MEDIA_TYPE =
      new MediaType(MediaType.TEXT_HTML, Map.of("charset", "UTF-8"));

  private Html() {}
}
