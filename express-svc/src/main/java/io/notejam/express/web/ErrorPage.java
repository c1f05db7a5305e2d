package io.notejam.express.web;

/** The HTML error page's content: the status's reason, e.g. {@code Not Found}. */
public record ErrorPage(String message) implements Page {
  @Override
  public String template() {
    return "error.jte";
  }
}
