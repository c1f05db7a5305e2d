package io.notejam.gateway.accesslog;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A growable byte buffer that access-log lines are formatted into, as UTF-8, without the
 * intermediate strings and char-to-byte encoder of a {@code Writer}: the log thread formats a line
 * for every request.
 */
final class LineBuffer {
  private byte[] bytes;
  private int size;

  LineBuffer(int capacity) {
    bytes = new byte[capacity];
  }

  int size() {
    return size;
  }

  void clear() {
    size = 0;
  }

  LineBuffer ch(char c) {
    ensure(1);
    bytes[size++] = (byte) c;
    return this;
  }

  /** {@code value} as UTF-8; {@code escapeQuotes} puts a backslash before every {@code "}. */
  LineBuffer text(String value, boolean escapeQuotes) {
    int length = value.length();
    ensure(length);
    for (int i = 0; i < length; i++) {
      char c = value.charAt(i);
      if (c < 0x80) {
        if (c == '"' && escapeQuotes) {
          ensure(length - i + 1);
          bytes[size++] = '\\';
        }
        bytes[size++] = (byte) c;
      } else {
        byte[] encoded = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
        ensure(length - i + encoded.length);
        System.arraycopy(encoded, 0, bytes, size, encoded.length);
        size += encoded.length;
      }
    }
    return this;
  }

  LineBuffer text(String value) {
    return text(value, false);
  }

  LineBuffer number(long value) {
    if (value < 0) {
      ch('-');
      value = -value;
    }
    ensure(20);
    int digits = 1;
    for (long rest = value / 10; rest > 0; rest /= 10) {
      digits++;
    }
    for (int at = size + digits - 1; at >= size; at--) {
      bytes[at] = (byte) ('0' + value % 10);
      value /= 10;
    }
    size += digits;
    return this;
  }

  /** {@code value} in {@code width} digits, zero-padded. */
  LineBuffer padded(long value, int width) {
    ensure(width);
    for (int at = size + width - 1; at >= size; at--) {
      bytes[at] = (byte) ('0' + value % 10);
      value /= 10;
    }
    size += width;
    return this;
  }

  void writeTo(OutputStream out) throws IOException {
    out.write(bytes, 0, size);
  }

  @Override
  public String toString() {
    return new String(bytes, 0, size, StandardCharsets.UTF_8);
  }

  private void ensure(int more) {
    if (size + more > bytes.length) {
      bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + more));
    }
  }
}
