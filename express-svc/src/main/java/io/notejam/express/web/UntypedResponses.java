package io.notejam.express.web;

import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import io.micronaut.http.netty.channel.ChannelPipelineCustomizer;
import io.micronaut.http.server.netty.NettyServerCustomizer;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponse;
import jakarta.inject.Singleton;

/**
 * Some of the original's responses have a body but no {@code Content-Type}: the static middleware's
 * 303 (spec 1.2) and a redirect to a client that accepts neither text nor HTML. Micronaut gives a
 * response without a type the route's produced type, {@code *}{@code /*} (every route produces
 * anything, see {@link Html}); that is no real type, so it is dropped on the wire.
 */
@Singleton
public class UntypedResponses implements BeanCreatedEventListener<NettyServerCustomizer.Registry> {
  private static final String HANDLER_NAME = "notejam-untyped-responses";
  private static final String ANY_TYPE = "*/*";
  private static final DropAnyType DROP_ANY_TYPE = new DropAnyType();

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
            ChannelPipelineCustomizer.HANDLER_HTTP_SERVER_CODEC, HANDLER_NAME, DROP_ANY_TYPE);
      }
    }
  }

  @ChannelHandler.Sharable
  private static final class DropAnyType extends ChannelOutboundHandlerAdapter {
    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
      if (msg instanceof HttpResponse response
          && ANY_TYPE.equals(response.headers().get(HttpHeaderNames.CONTENT_TYPE))) {
        response.headers().remove(HttpHeaderNames.CONTENT_TYPE);
      }
      ctx.write(msg, promise);
    }
  }
}
