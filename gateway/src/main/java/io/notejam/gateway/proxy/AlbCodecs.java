package io.notejam.gateway.proxy;

import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.HttpDecoderConfig;
import io.netty.handler.codec.http.HttpMessage;
import io.netty.handler.codec.http.HttpRequestDecoder;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseDecoder;
import io.netty.handler.codec.http.HttpResponseEncoder;
import io.netty.util.AsciiString;

/** The front-end HTTP/1.x codec, with ALB's size limits and the hooks the proxy needs. */
final class AlbCodecs {
  /** A request line of 16 KB or more is refused. */
  static final int MAX_REQUEST_LINE = 16 * 1024 - 1;

  /** All request headers together may not exceed 64 KB. */
  static final int MAX_REQUEST_HEADERS = 64 * 1024;

  /** A single request header of 16 KB or more is refused. */
  static final int MAX_SINGLE_HEADER = 16 * 1024;

  /** A target's response headers may not exceed 32 KB (else 502). */
  static final int MAX_RESPONSE_HEADERS = 32 * 1024;

  private AlbCodecs() {}

  static HttpDecoderConfig requestConfig() {
    return new HttpDecoderConfig()
        .setMaxInitialLineLength(MAX_REQUEST_LINE)
        .setMaxHeaderSize(MAX_REQUEST_HEADERS)
        .setMaxChunkSize(64 * 1024)
        .setAllowDuplicateContentLengths(true);
  }

  /**
   * Notes requests that carry both Transfer-Encoding: chunked and Content-Length (desync:
   * Ambiguous).
   */
  static final class RequestDecoder extends HttpRequestDecoder {
    private boolean bothTeAndCl;
    private long lastReadNanos = System.nanoTime();

    RequestDecoder() {
      super(requestConfig());
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) throws Exception {
      lastReadNanos = System.nanoTime();
      super.channelRead(ctx, msg);
    }

    /** When the client last sent bytes (part of a request included), for the idle timeout. */
    long lastReadNanos() {
      return lastReadNanos;
    }

    @Override
    protected void handleTransferEncodingChunkedWithContentLength(HttpMessage message) {
      bothTeAndCl = true;
      super.handleTransferEncodingChunkedWithContentLength(message);
    }

    /** Whether the request just decoded had both headers; clears the mark. */
    boolean takeBothTeAndCl() {
      boolean seen = bothTeAndCl;
      bothTeAndCl = false;
      return seen;
    }
  }

  /** A target's responses, with ALB's header limit; knows when one answers a HEAD request. */
  static final class ResponseDecoder extends HttpResponseDecoder {
    private boolean head;

    ResponseDecoder() {
      super(
          new HttpDecoderConfig()
              .setMaxInitialLineLength(MAX_REQUEST_LINE)
              .setMaxHeaderSize(MAX_RESPONSE_HEADERS)
              .setMaxChunkSize(64 * 1024));
    }

    /**
     * A status code must be three digits from 100 (Netty takes any integer, so {@code HTTP/1.1 2000
     * OK} would be relayed); anything else is a malformed status line, answered 502 (E-03).
     */
    @Override
    protected HttpMessage createMessage(String[] initialLine) {
      String code = initialLine[1];
      if (code.length() != 3
          || code.charAt(0) < '1'
          || code.charAt(0) > '9'
          || !Character.isDigit(code.charAt(1))
          || !Character.isDigit(code.charAt(2))) {
        throw new IllegalArgumentException("invalid status code: " + code);
      }
      return super.createMessage(initialLine);
    }

    /**
     * Netty ends a response header's name at the first space and then skips to the colon, so {@code
     * Bad Name: x} would be relayed as {@code Bad: x}. Whitespace after a name may only lead to the
     * colon; otherwise the header is invalid, answered 502 (E-03).
     */
    @Override
    protected AsciiString splitHeaderName(byte[] line, int start, int length) {
      int i = start + length;
      int end = line.length;
      if (i < end && (line[i] == ' ' || line[i] == '\t')) {
        while (i < end && (line[i] == ' ' || line[i] == '\t')) {
          i++;
        }
        if (i == end || line[i] != ':') {
          throw new IllegalArgumentException("invalid header name");
        }
      }
      return super.splitHeaderName(line, start, length);
    }

    /** Set before each request is sent: a final response to HEAD has no body whatever it says. */
    void expectingHeadResponse(boolean head) {
      this.head = head;
    }

    @Override
    protected boolean isContentAlwaysEmpty(HttpMessage message) {
      if (head && message instanceof HttpResponse response) {
        int code = response.status().code();
        if (code < 100 || code >= 200) {
          return true;
        }
      }
      return super.isContentAlwaysEmpty(message);
    }
  }

  /** Knows when the response answers a HEAD request, so no body framing is written. */
  static final class ResponseEncoder extends HttpResponseEncoder {
    private boolean head;

    void answeringHead(boolean head) {
      this.head = head;
    }

    @Override
    protected boolean isContentAlwaysEmpty(HttpResponse message) {
      return head || super.isContentAlwaysEmpty(message);
    }
  }
}
