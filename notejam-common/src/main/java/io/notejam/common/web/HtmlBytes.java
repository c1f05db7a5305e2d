package io.notejam.common.web;

import gg.jte.html.HtmlTemplateOutput;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A jte page rendered straight into UTF-8 bytes, ready to send (both services' templates are
 * compiled with binary static content): the templates' static markup arrives pre-encoded, and
 * dynamic text is encoded and escaped here in one pass, without intermediate strings. Dynamic text
 * is escaped the same way in element text and in attribute values ({@code &} {@code <} {@code >}
 * {@code "} {@code '}), as the pages have always been escaped; no template puts user data into a
 * script or an event handler attribute, so no other context is needed.
 */
public final class HtmlBytes implements HtmlTemplateOutput {
  /** The longest escape ({@code &quot;}) or UTF-8 sequence one char can become. */
  private static final int MAX_BYTES_PER_CHAR = 6;

  private static final byte[][] ESCAPES = new byte[128][];

  static {
    ESCAPES['&'] = ascii("&amp;");
    ESCAPES['<'] = ascii("&lt;");
    ESCAPES['>'] = ascii("&gt;");
    ESCAPES['"'] = ascii("&quot;");
    ESCAPES['\''] = ascii("&#39;");
  }

  private byte[] bytes;
  private int length;

  public HtmlBytes(int initialCapacity) {
    bytes = new byte[initialCapacity];
  }

  /** Bytes the buffer holds before it grows. */
  public int capacity() {
    return bytes.length;
  }

  /** Empties the buffer for the next page, keeping its memory. */
  public void reset() {
    length = 0;
  }

  /** The page rendered so far. */
  public byte[] toByteArray() {
    return Arrays.copyOf(bytes, length);
  }

  @Override
  public void setContext(String tagName, String attributeName) {
    // One escaping for every context: see the class comment.
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
        byte[] escaped = escape ? ESCAPES[c] : null;
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
