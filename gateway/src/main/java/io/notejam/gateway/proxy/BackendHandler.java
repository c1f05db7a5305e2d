package io.notejam.gateway.proxy;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.util.ReferenceCountUtil;

/** The end of a target connection: hands what the target sends to the exchange using it. */
final class BackendHandler extends ChannelInboundHandlerAdapter {
  private final AlbCodecs.ResponseDecoder decoder;
  private ProxyExchange exchange;

  BackendHandler(AlbCodecs.ResponseDecoder decoder) {
    this.decoder = decoder;
  }

  void attach(ProxyExchange exchange, boolean head) {
    this.exchange = exchange;
    decoder.expectingHeadResponse(head);
  }

  void detach() {
    this.exchange = null;
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object message) {
    ProxyExchange current = exchange;
    if (current == null) {
      // an idle pooled connection has nothing to say: drop it
      ReferenceCountUtil.release(message);
      ctx.close();
      return;
    }
    if (message instanceof HttpResponse response) {
      current.onBackendResponse(response);
    }
    if (message instanceof HttpContent content) {
      if (exchange == current) {
        current.onBackendContent(content);
      } else {
        content.release();
      }
    }
  }

  @Override
  public void channelReadComplete(ChannelHandlerContext ctx) {
    if (exchange != null) {
      exchange.flushClient();
    }
  }

  @Override
  public void channelWritabilityChanged(ChannelHandlerContext ctx) {
    if (exchange != null && ctx.channel().isWritable()) {
      exchange.onBackendWritable();
    }
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) {
    if (exchange != null) {
      exchange.onBackendClosed();
    }
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    ctx.close();
  }
}
