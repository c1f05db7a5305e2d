package io.notejam.express.web;

/**
 * The content type of every page, written exactly as the original sends it. Routes declare
 * {@code @Produces(MediaType.ALL)}: the original never answers 406, whatever {@code Accept} says,
 * and every response sets its own type.
 */
public final class Html {
  public static final String CONTENT_TYPE = "text/html; charset=utf-8";

  private Html() {}
}
