package io.notejam.express.web;

/**
 * What one page template shows inside the layout. Each template takes two parameters: {@code frame}
 * ({@link Frame}) and {@code page}, the implementing record.
 */
public interface Page {
  /** The template under {@code src/main/jte}, e.g. {@code notes/list.jte}. */
  String template();
}
