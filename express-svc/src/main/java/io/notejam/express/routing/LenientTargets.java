package io.notejam.express.routing;

import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.exceptions.HttpStatusException;
import io.micronaut.http.server.netty.NettyServerCustomizer;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.DecoderResult;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import io.notejam.common.web.AfterServerCodec;
import io.notejam.common.web.RequestTargets;
import jakarta.inject.Singleton;

/**
 * Request targets that {@code java.net.URI} refuses (they were a 500) are percent-encoded as they
 * come off the wire ({@link RequestTargets}), and read as Express reads them: a query value with a
 * broken escape stays as it is, raw bytes are UTF-8. A broken escape in the path is the original's
 * 400, now with the HTML error page (fix 8.18): the static-file middleware mounted at {@code
 * /express} cannot decode the path of a GET or HEAD under it, and the owner check cannot decode the
 * id of any request under {@code /express/pads/{id}} or {@code /express/notes/{id}} (spec 4.6).
 * Elsewhere such a path routes as it reads, to a 404.
 */
@Singleton
public class LenientTargets implements BeanCreatedEventListener<NettyServerCustomizer.Registry> {
  private static final String HANDLER_NAME = "notejam-lenient-targets";
  private static final EscapeTarget ESCAPE_TARGET = new EscapeTarget();

  @Override
  public NettyServerCustomizer.Registry onCreated(
      BeanCreatedEvent<NettyServerCustomizer.Registry> event) {
    event.getBean().register(AfterServerCodec.of(HANDLER_NAME, ESCAPE_TARGET));
    return event.getBean();
  }

  /** Whether the original answers 400 for this method and raw path (query left out). */
  static boolean isUndecodable(HttpMethod method, String path) {
    if (!RequestTargets.hasBrokenEscape(path) || !startsWith(path, "/express")) {
      return false;
    }
    if (method.equals(HttpMethod.GET) || method.equals(HttpMethod.HEAD)) {
      return true;
    }
    for (String records : new String[] {"/express/pads/", "/express/notes/"}) {
      if (startsWith(path, records)) {
        int end = path.indexOf('/', records.length());
        String id = path.substring(records.length(), end < 0 ? path.length() : end);
        return RequestTargets.hasBrokenEscape(id);
      }
    }
    return false;
  }

  private static boolean startsWith(String path, String prefix) {
    return path.regionMatches(true, 0, prefix, 0, prefix.length());
  }

  @ChannelHandler.Sharable
  private static final class EscapeTarget extends ChannelInboundHandlerAdapter {
    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
      if (msg instanceof HttpRequest request) {
        String target = request.uri();
        String escaped = RequestTargets.escaped(target);
        if (escaped != target) {
          int query = target.indexOf('?');
          String path = query < 0 ? target : target.substring(0, query);
          if (request.decoderResult().isSuccess() && isUndecodable(request.method(), path)) {
            request.setDecoderResult(
                DecoderResult.failure(
                    new HttpStatusException(HttpStatus.BAD_REQUEST, "Undecodable path")));
          }
          request.setUri(escaped);
        }
      }
      ctx.fireChannelRead(msg);
    }
  }
}
