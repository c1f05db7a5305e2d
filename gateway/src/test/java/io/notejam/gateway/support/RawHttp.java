package io.notejam.gateway.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A minimal HTTP/1.1 client over a plain socket, so tests send exactly the bytes they mean (any
 * Host, TRACE, duplicate headers, oversized lines) and see exactly what comes back.
 */
public final class RawHttp implements AutoCloseable {
  private final Socket socket;
  private final InputStream in;
  private final OutputStream out;

  public RawHttp(int port) throws IOException {
    this("127.0.0.1", port);
  }

  public RawHttp(String host, int port) throws IOException {
    this.socket = new Socket(host, port);
    socket.setSoTimeout(20_000);
    this.in = socket.getInputStream();
    this.out = socket.getOutputStream();
  }

  /** Sends {@code request} (CRLF line ends are added for bare LF) and reads one response. */
  public static Response exchange(int port, String request) throws IOException {
    try (RawHttp http = new RawHttp(port)) {
      http.send(request);
      return http.read(request.startsWith("HEAD "));
    }
  }

  /** GET {@code path} with {@code Host: example.com} and extra header lines. */
  public static Response get(int port, String path, String... headerLines) throws IOException {
    StringBuilder request = new StringBuilder("GET " + path + " HTTP/1.1\nHost: example.com\n");
    for (String line : headerLines) {
      request.append(line).append('\n');
    }
    return exchange(port, request.append('\n').toString());
  }

  public void send(String request) throws IOException {
    out.write(
        request.replace("\r\n", "\n").replace("\n", "\r\n").getBytes(StandardCharsets.ISO_8859_1));
    out.flush();
  }

  public void sendBytes(byte[] bytes) throws IOException {
    out.write(bytes);
    out.flush();
  }

  public Socket socket() {
    return socket;
  }

  /** Reads one response; HEAD responses have no body whatever their headers say. */
  public Response read(boolean head) throws IOException {
    String statusLine = line();
    if (statusLine == null) {
      throw new IOException("connection closed before a response");
    }
    List<String[]> headers = new ArrayList<>();
    ByteArrayOutputStream raw = new ByteArrayOutputStream();
    String line;
    while ((line = line()) != null && !line.isEmpty()) {
      int colon = line.indexOf(':');
      headers.add(new String[] {line.substring(0, colon), line.substring(colon + 1).trim()});
      raw.writeBytes((line + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
    }
    Response response = new Response(statusLine, headers, new byte[0]);
    int status = response.status();
    if (head || status == 204 || status == 304 || (status >= 100 && status < 200)) {
      return response;
    }
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    String length = response.header("Content-Length");
    if ("chunked".equalsIgnoreCase(response.header("Transfer-Encoding"))) {
      while (true) {
        int size = Integer.parseInt(line().trim(), 16);
        if (size == 0) {
          line();
          break;
        }
        body.write(in.readNBytes(size));
        line();
      }
    } else if (length != null) {
      body.write(in.readNBytes(Integer.parseInt(length)));
    } else {
      body.write(in.readAllBytes());
    }
    return new Response(statusLine, headers, body.toByteArray());
  }

  private String line() throws IOException {
    StringBuilder line = new StringBuilder();
    int c;
    while ((c = in.read()) != -1) {
      if (c == '\n') {
        int end = line.length();
        return end > 0 && line.charAt(end - 1) == '\r'
            ? line.substring(0, end - 1)
            : line.toString();
      }
      line.append((char) c);
    }
    return line.length() == 0 ? null : line.toString();
  }

  /** True when the server closed the connection (read returns end of stream). */
  public boolean closedByPeer() throws IOException {
    try {
      return in.read() == -1;
    } catch (java.net.SocketException e) {
      return true;
    }
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }

  /** A parsed response. */
  public record Response(String statusLine, List<String[]> headerList, byte[] bodyBytes) {
    public int status() {
      return Integer.parseInt(statusLine.split(" ")[1]);
    }

    public String header(String name) {
      for (String[] header : headerList) {
        if (header[0].equalsIgnoreCase(name)) {
          return header[1];
        }
      }
      return null;
    }

    public List<String> headers(String name) {
      List<String> values = new ArrayList<>();
      for (String[] header : headerList) {
        if (header[0].toLowerCase(Locale.ROOT).equals(name.toLowerCase(Locale.ROOT))) {
          values.add(header[1]);
        }
      }
      return values;
    }

    /** The header names as the response spelled them, in order. */
    public List<String> headerNames() {
      List<String> names = new ArrayList<>();
      for (String[] header : headerList) {
        names.add(header[0]);
      }
      return names;
    }

    public String body() {
      return new String(bodyBytes, StandardCharsets.ISO_8859_1);
    }
  }
}
