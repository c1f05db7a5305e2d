package io.notejam.flask.web;

import gg.jte.html.HtmlTemplateOutput;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A page rendered straight into UTF-8 bytes: the views' static parts arrive pre-encoded (jte's
 * binary static content) and are copied as they are; only user content is encoded here.
 *
 * <p>User content is escaped the same way in every context the views print it (element text and
 * double-quoted attribute values): {@code & < > " '} become {@code &amp; &lt; &gt; &quot; &#39;},
 * the entities the pages have always used. The views print nothing into scripts or event handlers.
 */
final class HtmlBytes implements HtmlTemplateOutput {
  private byte[] bytes;
  private int size;

  HtmlBytes(int initialCapacity) {
    bytes = new byte[initialCapacity];
  }

  byte[] toByteArray() {
    return Arrays.copyOf(bytes, size);
  }

  @Override
  public void setContext(String tagName, String attributeName) {
    // One escaping rule serves both contexts used (see the class comment).
  }

  @Override
  public void writeBinaryContent(byte[] value) {
    ensure(value.length);
    System.arraycopy(value, 0, bytes, size, value.length);
    size += value.length;
  }

  @Override
  public void writeContent(String value) {
    writeContent(value, 0, value.length());
  }

  @Override
  public void writeContent(String value, int beginIndex, int endIndex) {
    ensure(endIndex - beginIndex);
    for (int i = beginIndex; i < endIndex; i++) {
      char c = value.charAt(i);
      if (c >= 0x80) {
        i = writeNonAscii(value, i, endIndex) - 1;
      } else {
        bytes[size++] = (byte) c;
      }
    }
  }

  @Override
  public void writeUserContent(String value) {
    if (value == null) {
      return;
    }
    int length = value.length();
    ensure(length);
    for (int i = 0; i < length; i++) {
      char c = value.charAt(i);
      switch (c) {
        case '&' -> writeAscii("&amp;");
        case '<' -> writeAscii("&lt;");
        case '>' -> writeAscii("&gt;");
        case '"' -> writeAscii("&quot;");
        case '\'' -> writeAscii("&#39;");
        default -> {
          if (c >= 0x80) {
            i = writeNonAscii(value, i, length) - 1;
          } else {
            ensure(1);
            bytes[size++] = (byte) c;
          }
        }
      }
    }
  }

  @Override
  public void writeUserContent(int value) {
    writeAscii(Integer.toString(value));
  }

  @Override
  public void writeUserContent(long value) {
    writeAscii(Long.toString(value));
  }

  private void writeAscii(String ascii) {
    int length = ascii.length();
    ensure(length);
    for (int i = 0; i < length; i++) {
      bytes[size++] = (byte) ascii.charAt(i);
    }
  }

  /**
   * Encodes the run of non-ASCII characters starting at {@code from} (the JDK's encoder handles
   * surrogate pairs and replaces lone surrogates) and returns the index after it.
   */
  private int writeNonAscii(String value, int from, int limit) {
    int end = from + 1;
    while (end < limit && value.charAt(end) >= 0x80) {
      end++;
    }
    byte[] encoded = value.substring(from, end).getBytes(StandardCharsets.UTF_8);
    ensure(encoded.length);
    System.arraycopy(encoded, 0, bytes, size, encoded.length);
    size += encoded.length;
    return end;
  }

  private void ensure(int more) {
    if (size + more > bytes.length) {
      bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + more));
    }
  }
}
