package io.notejam.express.web;

import io.micronaut.context.BeanProvider;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.server.netty.NettyServerCustomizer;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponse;
import io.notejam.common.web.AfterServerCodec;
import jakarta.inject.Singleton;

/**
 * Two fixes to responses as they go on the wire, where Micronaut has the last word otherwise:
 *
 * <ul>
 *   <li>Some of the original's responses have a body but no {@code Content-Type}: the static
 *       middleware's 303 (spec 1.2) and a redirect to a client that accepts neither text nor HTML.
 *       Micronaut gives a response without a type the route's produced type, {@code *}{@code /*}
 *       (every route produces anything, see {@link Html}); that is no real type, so it is dropped.
 *   <li>A body over 100 kB is refused before routing with an empty 413 (the whole-body mode of
 *       {@code application.yml}); it gets the HTML error page instead (spec 8.18).
 * </ul>
 */
@Singleton
public class WireResponses implements BeanCreatedEventListener<NettyServerCustomizer.Registry> {
  private static final String HANDLER_NAME = "notejam-wire-responses";
  private static final String ANY_TYPE = "*/*";

  private final FixResponses fixResponses;

  public WireResponses(BeanProvider<Pages> pages) {
    this.fixResponses = new FixResponses(pages);
  }

  @Override
  public NettyServerCustomizer.Registry onCreated(
      BeanCreatedEvent<NettyServerCustomizer.Registry> event) {
    event.getBean().register(AfterServerCodec.of(HANDLER_NAME, fixResponses));
    return event.getBean();
  }

  @ChannelHandler.Sharable
  private static final class FixResponses extends ChannelOutboundHandlerAdapter {
    private final BeanProvider<Pages> pages;
    private volatile byte[] tooLargePage;

    FixResponses(BeanProvider<Pages> pages) {
      this.pages = pages;
    }

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
      if (msg instanceof FullHttpResponse full
          && full.status().code() == HttpStatus.REQUEST_ENTITY_TOO_LARGE.getCode()
          && full.content().readableBytes() == 0) {
        byte[] page = tooLargePage();
        FullHttpResponse withPage = full.replace(Unpooled.wrappedBuffer(page));
        full.release();
        withPage
            .headers()
            .set(HttpHeaderNames.CONTENT_TYPE, Html.CONTENT_TYPE)
            .setInt(HttpHeaderNames.CONTENT_LENGTH, page.length);
        ctx.write(withPage, promise);
        return;
      }
      if (msg instanceof HttpResponse response
          && ANY_TYPE.equals(response.headers().get(HttpHeaderNames.CONTENT_TYPE))) {
        response.headers().remove(HttpHeaderNames.CONTENT_TYPE);
      }
      ctx.write(msg, promise);
    }

    /** The anonymous 413 page (the session is not read for a refused body), rendered once. */
    private byte[] tooLargePage() {
      byte[] page = tooLargePage;
      if (page == null) {
        page = pages.get().error(HttpStatus.REQUEST_ENTITY_TOO_LARGE, null).body();
        tooLargePage = page;
      }
      return page;
    }
  }
}
