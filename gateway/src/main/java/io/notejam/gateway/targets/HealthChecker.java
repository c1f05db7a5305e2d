package io.notejam.gateway.targets;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpObject;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.util.AsciiString;
import io.netty.util.concurrent.Future;
import io.notejam.albconfig.model.TargetGroup;
import io.notejam.gateway.proxy.Transport;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * Active health checks as ALB sends them: {@code GET <path>} to the target on the health-check port
 * with {@code Host: <ip>:<port>} and {@code User-Agent: ELB-HealthChecker/2.0}, a new connection
 * per probe, closed afterwards; one probe per interval whatever the previous one does.
 */
public final class HealthChecker {
  // spelled as ALB sends them (Netty's constants are lower-case)
  private static final AsciiString HOST = AsciiString.cached("Host");
  private static final AsciiString USER_AGENT = AsciiString.cached("User-Agent");
  private final EventLoopGroup group;
  private final Bootstrap bootstrap;

  public HealthChecker(EventLoopGroup group) {
    this.group = group;
    this.bootstrap =
        new Bootstrap()
            .group(group)
            .channel(Transport.socketChannel())
            .option(ChannelOption.TCP_NODELAY, true);
  }

  /** Starts probing {@code target} at once and then every interval; cancel the result to stop. */
  Future<?> watch(TargetGroupRuntime owner, Target target) {
    TargetGroup.HealthCheck check = owner.healthCheck();
    return group
        .next()
        .scheduleAtFixedRate(
            () -> probe(check, target, failure -> owner.onProbe(target, failure)),
            0,
            check.intervalSeconds() * 1000L,
            TimeUnit.MILLISECONDS);
  }

  /** One probe; {@code result} gets null on success or the failure's health. */
  private void probe(TargetGroup.HealthCheck check, Target target, Consumer<TargetHealth> result) {
    target.markChecking();
    int port = check.portFor(target.port());
    AtomicBoolean done = new AtomicBoolean();
    Consumer<TargetHealth> once =
        health -> {
          if (done.compareAndSet(false, true)) {
            result.accept(health);
          }
        };
    ChannelFuture connect =
        bootstrap
            .clone()
            .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, check.timeoutSeconds() * 1000)
            .handler(
                new ChannelInitializer<Channel>() {
                  @Override
                  protected void initChannel(Channel channel) {
                    channel
                        .pipeline()
                        .addLast(new HttpClientCodec(), new ProbeHandler(check, once));
                  }
                })
            .connect(target.address().getAddress(), port);
    Channel channel = connect.channel();
    Future<?> timeout =
        channel
            .eventLoop()
            .schedule(
                () -> {
                  once.accept(TargetHealth.TIMEOUT);
                  channel.close();
                },
                check.timeoutSeconds(),
                TimeUnit.SECONDS);
    channel.closeFuture().addListener(closed -> timeout.cancel(false));
    connect.addListener(
        (ChannelFuture future) -> {
          if (!future.isSuccess()) {
            once.accept(
                future.cause() instanceof io.netty.channel.ConnectTimeoutException
                    ? TargetHealth.TIMEOUT
                    : TargetHealth.FAILED);
            return;
          }
          DefaultFullHttpRequest request =
              new DefaultFullHttpRequest(
                  HttpVersion.HTTP_1_1, HttpMethod.GET, check.path(), Unpooled.EMPTY_BUFFER);
          request.headers().set(HOST, target.id() + ":" + port);
          request.headers().set(USER_AGENT, "ELB-HealthChecker/2.0");
          future.channel().writeAndFlush(request);
        });
  }

  /** Judges the status line against the matcher, then closes the connection. */
  private static final class ProbeHandler extends SimpleChannelInboundHandler<HttpObject> {
    private final TargetGroup.HealthCheck check;
    private final Consumer<TargetHealth> result;

    ProbeHandler(TargetGroup.HealthCheck check, Consumer<TargetHealth> result) {
      this.check = check;
      this.result = result;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, HttpObject message) {
      if (message.decoderResult().isFailure()) {
        result.accept(TargetHealth.FAILED);
      } else if (message instanceof HttpResponse response) {
        int status = response.status().code();
        result.accept(check.matcher().matches(status) ? null : TargetHealth.codeMismatch(status));
      } else {
        return;
      }
      ctx.close();
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
      result.accept(TargetHealth.FAILED);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
      result.accept(TargetHealth.FAILED);
      ctx.close();
    }
  }
}
