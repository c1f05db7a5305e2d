package io.notejam.common.web;

import io.micronaut.http.netty.channel.ChannelPipelineCustomizer;
import io.micronaut.http.server.netty.NettyServerCustomizer;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelPipeline;

/**
 * Puts one shared Netty handler right after the HTTP server codec of every HTTP/1 connection, where
 * it sees each request and response as Micronaut reads or writes it on the wire. Register it from a
 * {@code BeanCreatedEventListener<NettyServerCustomizer.Registry>}; the handler must be {@link
 * ChannelHandler.Sharable}.
 */
public record AfterServerCodec(String name, ChannelHandler handler, Channel channel)
    implements NettyServerCustomizer {

  public static AfterServerCodec of(String name, ChannelHandler handler) {
    return new AfterServerCodec(name, handler, null);
  }

  @Override
  public NettyServerCustomizer specializeForChannel(Channel channel, ChannelRole role) {
    return new AfterServerCodec(name, handler, channel);
  }

  @Override
  public void onStreamPipelineBuilt() {
    ChannelPipeline pipeline = channel == null ? null : channel.pipeline();
    if (pipeline != null
        && pipeline.get(ChannelPipelineCustomizer.HANDLER_HTTP_SERVER_CODEC) != null
        && pipeline.get(name) == null) {
      pipeline.addAfter(ChannelPipelineCustomizer.HANDLER_HTTP_SERVER_CODEC, name, handler);
    }
  }
}
