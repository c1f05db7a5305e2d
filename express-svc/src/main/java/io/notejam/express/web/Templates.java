package io.notejam.express.web;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import io.notejam.common.web.HtmlBytes;
import jakarta.inject.Singleton;
import java.util.Map;

/**
 * Renders the jte templates of {@code src/main/jte}, compiled to classes at build time (no template
 * is parsed or compiled at run time), into the bytes of the response body.
 */
@Singleton
public class Templates {
  private static final int INITIAL_BUFFER_BYTES = 16 * 1024;

  /** A buffer grown past this by a huge page is not kept for the next request on its thread. */
  private static final int KEPT_BUFFER_BYTES = 128 * 1024;

  private final TemplateEngine engine = TemplateEngine.createPrecompiled(ContentType.Html);
  private final ThreadLocal<HtmlBytes> buffers =
      ThreadLocal.withInitial(() -> new HtmlBytes(INITIAL_BUFFER_BYTES, HtmlBytes.Escaping.JADE));

  /** The page's template inside the layout, as UTF-8. */
  public byte[] render(Frame frame, Page page) {
    HtmlBytes output = buffers.get();
    output.reset();
    try {
      engine.render(page.template(), Map.of("frame", frame, "page", page), output);
      return output.toByteArray();
    } finally {
      if (output.capacity() > KEPT_BUFFER_BYTES) {
        buffers.remove();
      }
    }
  }
}
