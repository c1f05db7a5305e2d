package io.notejam.common.web;

import gg.jte.html.HtmlTemplateOutput;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A jte page rendered straight into UTF-8 bytes, ready to send (both services' templates are
 * compiled with binary static content): the templates' static markup arrives pre-encoded, and
 * dynamic text is encoded and escaped here in one pass, without intermediate strings. The two
 * originals escape differently, so each service passes its {@link Escaping}: one table for element
 * text and one for attribute values (jte announces an attribute through {@link #setContext}). No
 * template puts user data into a script or an event handler attribute, so no other context is
 * needed.
 */
public final class HtmlBytes implements HtmlTemplateOutput {
  /** The longest escape ({@code &quot;}) or UTF-8 sequence one char can become. */
  private static final int MAX_BYTES_PER_CHAR = 6;

  /**
   * What {@code &}, {@code <}, {@code >}, {@code "} and {@code '} become, in text and in
   * attributes.
   */
  public record Escaping(byte[][] text, byte[][] attribute) {
    /**
     * Jade 1.3 (the Express original): {@code &amp; &lt; &gt; &quot;}, the single quote as it is,
     * in text and attributes alike.
     */
    public static final Escaping JADE = of("&quot;", null, "&quot;", null);

    /**
     * Jinja2/MarkupSafe for template text ({@code &#34; &#39;}) and WTForms 1.0.3 for form-widget
     * attribute values (Python 2's {@code cgi.escape(value, quote=True)}: {@code &quot;}, the
     * single quote as it is), as the Flask original renders them.
     */
    public static final Escaping JINJA_AND_WTFORMS = of("&#34;", "&#39;", "&quot;", null);

    private static Escaping of(
        String textQuote,
        String textApostrophe,
        String attributeQuote,
        String attributeApostrophe) {
      return new Escaping(
          table(textQuote, textApostrophe), table(attributeQuote, attributeApostrophe));
    }

    private static byte[][] table(String quote, String apostrophe) {
      byte[][] escapes = new byte[128][];
      escapes['&'] = ascii("&amp;");
      escapes['<'] = ascii("&lt;");
      escapes['>'] = ascii("&gt;");
      escapes['"'] = ascii(quote);
      escapes['\''] = apostrophe == null ? null : ascii(apostrophe);
      return escapes;
    }
  }

  private final Escaping escaping;
  private byte[][] escapes;
  private byte[] bytes;
  private int length;

  public HtmlBytes(int initialCapacity, Escaping escaping) {
    this.escaping = escaping;
    this.escapes = escaping.text();
    bytes = new byte[initialCapacity];
  }

  /** Bytes the buffer holds before it grows. */
  public int capacity() {
    return bytes.length;
  }

  /** Empties the buffer for the next page, keeping its memory. */
  public void reset() {
    length = 0;
    escapes = escaping.text();
  }

  /** The page rendered so far. */
  public byte[] toByteArray() {
    return Arrays.copyOf(bytes, length);
  }

  @Override
  public void setContext(String tagName, String attributeName) {
    escapes = attributeName == null ? escaping.text() : escaping.attribute();
  }

  @Override
  public void writeContent(String value) {
    write(value, 0, value.length(), false);
  }

  @Override
  public void writeContent(String value, int beginIndex, int endIndex) {
    write(value, beginIndex, endIndex, false);
  }

  @Override
  public void writeBinaryContent(byte[] value) {
    ensureCapacity(value.length);
    System.arraycopy(value, 0, bytes, length, value.length);
    length += value.length;
  }

  @Override
  public void writeUserContent(String value) {
    if (value != null) {
      write(value, 0, value.length(), true);
    }
  }

  @Override
  public void writeUserContent(int value) {
    writeContent(Integer.toString(value));
  }

  @Override
  public void writeUserContent(long value) {
    writeContent(Long.toString(value));
  }

  private void write(String value, int begin, int end, boolean escape) {
    for (int i = begin; i < end; i++) {
      if (bytes.length - length < MAX_BYTES_PER_CHAR) {
        ensureCapacity(Math.max(MAX_BYTES_PER_CHAR, end - i));
      }
      char c = value.charAt(i);
      if (c < 0x80) {
        byte[] escaped = escape ? escapes[c] : null;
        if (escaped == null) {
          bytes[length++] = (byte) c;
        } else {
          System.arraycopy(escaped, 0, bytes, length, escaped.length);
          length += escaped.length;
        }
      } else if (c < 0x800) {
        bytes[length++] = (byte) (0xC0 | c >> 6);
        bytes[length++] = (byte) (0x80 | c & 0x3F);
      } else if (!Character.isSurrogate(c)) {
        bytes[length++] = (byte) (0xE0 | c >> 12);
        bytes[length++] = (byte) (0x80 | c >> 6 & 0x3F);
        bytes[length++] = (byte) (0x80 | c & 0x3F);
      } else if (Character.isHighSurrogate(c)
          && i + 1 < end
          && Character.isLowSurrogate(value.charAt(i + 1))) {
        int codePoint = Character.toCodePoint(c, value.charAt(++i));
        bytes[length++] = (byte) (0xF0 | codePoint >> 18);
        bytes[length++] = (byte) (0x80 | codePoint >> 12 & 0x3F);
        bytes[length++] = (byte) (0x80 | codePoint >> 6 & 0x3F);
        bytes[length++] = (byte) (0x80 | codePoint & 0x3F);
      } else {
        bytes[length++] = '?'; // a lone surrogate, as String.getBytes(UTF_8) encodes it
      }
    }
  }

  private void ensureCapacity(int more) {
    if (bytes.length - length < more) {
      bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, length + more));
    }
  }

  private static byte[] ascii(String text) {
    return text.getBytes(StandardCharsets.US_ASCII);
  }
}
