package io.notejam.flask.web;

import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import io.micronaut.http.server.netty.NettyServerCustomizer;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.HttpRequest;
import io.notejam.common.web.AfterServerCodec;
import io.notejam.common.web.RequestTargets;
import jakarta.inject.Singleton;

/**
 * Request targets that {@code java.net.URI} refuses are percent-encoded as they come off the wire
 * ({@link RequestTargets}), since Werkzeug takes them: a broken escape stays as it is, raw bytes
 * are UTF-8.
 */
@Singleton
public class LenientUris implements BeanCreatedEventListener<NettyServerCustomizer.Registry> {
  private static final String HANDLER_NAME = "notejam-lenient-uris";
  private static final EscapeUri ESCAPE_URI = new EscapeUri();

  @Override
  public NettyServerCustomizer.Registry onCreated(
      BeanCreatedEvent<NettyServerCustomizer.Registry> event) {
    event.getBean().register(AfterServerCodec.of(HANDLER_NAME, ESCAPE_URI));
    return event.getBean();
  }

  @ChannelHandler.Sharable
  private static final class EscapeUri extends ChannelInboundHandlerAdapter {
    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
      if (msg instanceof HttpRequest request) {
        request.setUri(RequestTargets.escaped(request.uri()));
      }
      ctx.fireChannelRead(msg);
    }
  }
}
