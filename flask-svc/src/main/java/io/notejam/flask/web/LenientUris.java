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
    event.getBean().register(new PerChannel(null));
    return event.getBean();
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
        request.setUri(RequestTargets.escaped(request.uri()));
      }
      ctx.fireChannelRead(msg);
    }
  }
}
