package io.notejam.gateway.proxy;

import io.netty.handler.codec.http.HttpDecoderConfig;
import io.netty.handler.codec.http.HttpMessage;
import io.netty.handler.codec.http.HttpRequestDecoder;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseEncoder;

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

    RequestDecoder() {
      super(requestConfig());
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
