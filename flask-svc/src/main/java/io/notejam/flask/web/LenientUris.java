package io.notejam.flask.web;

import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import io.micronaut.http.netty.channel.ChannelPipelineCustomizer;
import io.micronaut.http.server.netty.NettyServerCustomizer;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.http.HttpRequest;
import jakarta.inject.Singleton;

/**
 * Request targets that {@code java.net.URI} refuses (a {@code %} without two hex digits, a raw
 * space, {@code |}, {@code "}, a raw UTF-8 byte...) made Micronaut fail before routing, a 500.
 * Werkzeug takes them: a broken escape stays as it is, raw bytes are UTF-8. So they are
 * percent-encoded as they come off the wire, which keeps that meaning: {@code %zz} becomes {@code
 * %25zz}, which decodes back to {@code %zz}.
 */
@Singleton
public class LenientUris implements BeanCreatedEventListener<NettyServerCustomizer.Registry> {
  private static final String HANDLER_NAME = "notejam-lenient-uris";
  private static final EscapeUri ESCAPE_URI = new EscapeUri();
  private static final char[] HEX = "0123456789ABCDEF".toCharArray();

  @Override
  public NettyServerCustomizer.Registry onCreated(
      BeanCreatedEvent<NettyServerCustomizer.Registry> event) {
    event.getBean().register(new PerChannel(null));
    return event.getBean();
  }

  /** The target with every character {@code java.net.URI} would refuse percent-encoded. */
  static String escaped(String uri) {
    StringBuilder out = null;
    for (int i = 0; i < uri.length(); i++) {
      char c = uri.charAt(i);
      boolean ok =
          c == '%'
              ? i + 2 < uri.length() && isHex(uri.charAt(i + 1)) && isHex(uri.charAt(i + 2))
              : allowed(c);
      if (ok && out == null) {
        continue;
      }
      if (out == null) {
        out = new StringBuilder(uri.length() + 16).append(uri, 0, i);
      }
      if (ok) {
        out.append(c);
      } else {
        // The request line arrives as ISO-8859-1 chars: one char per byte.
        int b = c & 0xFF;
        out.append('%').append(HEX[b >> 4]).append(HEX[b & 0xF]);
      }
    }
    return out == null ? uri : out.toString();
  }

  private static boolean allowed(char c) {
    return (c >= 'a' && c <= 'z')
        || (c >= 'A' && c <= 'Z')
        || (c >= '0' && c <= '9')
        || "-._~!$&'()*+,;=:@/?".indexOf(c) >= 0;
  }

  private static boolean isHex(char c) {
    return Character.digit(c, 16) >= 0 && c < 0x80;
  }

  private record PerChannel(Channel channel) implements NettyServerCustomizer {
    @Override
    public NettyServerCustomizer specializeForChannel(Channel channel, ChannelRole role) {
      return new PerChannel(channel);
    }

    @Override
    public void onStreamPipelineBuilt() {
      ChannelPipeline pipeline = channel == null ? null : channel.pipeline();
      if (pipeline != null
          && pipeline.get(ChannelPipelineCustomizer.HANDLER_HTTP_SERVER_CODEC) != null
          && pipeline.get(HANDLER_NAME) == null) {
        pipeline.addAfter(
            ChannelPipelineCustomizer.HANDLER_HTTP_SERVER_CODEC, HANDLER_NAME, ESCAPE_URI);
      }
    }
  }

  @ChannelHandler.Sharable
  private static final class EscapeUri extends ChannelInboundHandlerAdapter {
    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
      if (msg instanceof HttpRequest request) {
        request.setUri(escaped(request.uri()));
      }
      ctx.fireChannelRead(msg);
    }
  }
}
