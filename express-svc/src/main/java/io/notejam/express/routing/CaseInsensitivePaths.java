package io.notejam.express.routing;

import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import io.micronaut.http.server.netty.NettyServerCustomizer;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.HttpRequest;
import io.notejam.common.web.AfterServerCodec;
import jakarta.inject.Singleton;
import java.util.Locale;

/**
 * Routes match case-insensitively, as Express's router does ({@code /EXPRESS/SIGNIN/} is the
 * sign-in page, spec 1.2): the request path is lower-cased as it comes off the wire, before
 * Micronaut routes it. The query string keeps its case, and so do static file paths, which Express
 * serves case-sensitively.
 */
@Singleton
public class CaseInsensitivePaths
    implements BeanCreatedEventListener<NettyServerCustomizer.Registry> {
  private static final String HANDLER_NAME = "notejam-case-insensitive-paths";
  private static final String STATIC_PREFIX = "/express/stylesheets/";
  private static final LowerCasePath LOWER_CASE_PATH = new LowerCasePath();

  @Override
  public NettyServerCustomizer.Registry onCreated(
      BeanCreatedEvent<NettyServerCustomizer.Registry> event) {
    event.getBean().register(AfterServerCodec.of(HANDLER_NAME, LOWER_CASE_PATH));
    return event.getBean();
  }

  /** The path Micronaut should route: lower-cased, except the query and static files. */
  static String routable(String uri) {
    int query = uri.indexOf('?');
    String path = query < 0 ? uri : uri.substring(0, query);
    String lower = path.toLowerCase(Locale.ROOT);
    if (lower.equals(path) || path.startsWith(STATIC_PREFIX)) {
      return uri;
    }
    return query < 0 ? lower : lower + uri.substring(query);
  }

  @ChannelHandler.Sharable
  private static final class LowerCasePath extends ChannelInboundHandlerAdapter {
    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
      if (msg instanceof HttpRequest request) {
        request.setUri(routable(request.uri()));
      }
      ctx.fireChannelRead(msg);
    }
  }
}
