package io.notejam.gateway.proxy;

import io.netty.bootstrap.Bootstrap;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.http.HttpRequestEncoder;
import io.netty.util.concurrent.GlobalEventExecutor;
import io.notejam.albconfig.model.Arns;
import io.notejam.albconfig.model.Listener;
import io.notejam.albconfig.model.LoadBalancer;
import io.notejam.gateway.accesslog.AccessLog;
import io.notejam.gateway.routing.ListenerRules;
import io.notejam.gateway.targets.TargetRegistry;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The data plane: one HTTP server per listener, the target groups with their health checks, and the
 * access log. {@link #close()} stops accepting, lets requests in flight finish (up to the grace
 * period), then closes everything.
 */
public final class Gateway implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Gateway.class);
  private static final int CONNECT_TIMEOUT_MILLIS = 10_000;

  private final EventLoopGroup boss;
  private final EventLoopGroup workers;
  private final TargetRegistry targets;
  private final AccessLog accessLog;
  private final Map<Integer, Channel> servers = new LinkedHashMap<>();
  private final ChannelGroup clients = new DefaultChannelGroup(GlobalEventExecutor.INSTANCE);
  private final AtomicInteger activeExchanges = new AtomicInteger();
  private final AtomicBoolean closing = new AtomicBoolean();
  private final CountDownLatch closed = new CountDownLatch(1);
  private final Duration grace;
  private final String loadBalancerArn;
  private final LoadBalancer config;
  private final Instant startedAt = Instant.now();

  private Gateway(
      LoadBalancer config,
      String loadBalancerArn,
      GatewayOptions options,
      TargetRegistry targets,
      AccessLog accessLog,
      EventLoopGroup boss,
      EventLoopGroup workers) {
    this.config = config;
    this.loadBalancerArn = loadBalancerArn;
    this.targets = targets;
    this.accessLog = accessLog;
    this.boss = boss;
    this.workers = workers;
    this.grace = options.shutdownGrace();
  }

  /** Binds every listener and starts health checks. */
  public static Gateway start(LoadBalancer loadBalancer, GatewayOptions options)
      throws IOException, InterruptedException {
    EventLoopGroup boss = Transport.eventLoops(1);
    EventLoopGroup workers = Transport.eventLoops(options.ioThreads());
    AccessLog accessLog = new AccessLog(options.accessLog(), options.accessLogJson());
    TargetRegistry targets =
        new TargetRegistry(loadBalancer, options.targetOverrides(), workers, options.dnsRefresh());
    Gateway gateway =
        new Gateway(
            loadBalancer,
            Arns.loadBalancerArn(loadBalancer.nameOrDefault()),
            options,
            targets,
            accessLog,
            boss,
            workers);
    try {
      LoadBalancerSettings settings = LoadBalancerSettings.of(loadBalancer);
      StickyCookies cookies = StickyCookies.withRandomKey();
      Bootstrap backends = backendBootstrap(workers);
      BackendPool pool = new BackendPool();
      boolean first = true;
      for (Listener listener : loadBalancer.listeners()) {
        int port =
            first && options.portOverride() != null ? options.portOverride() : listener.port();
        first = false;
        gateway.bind(listener, port, settings, cookies, backends, pool, options.bindAddress());
      }
    } catch (RuntimeException | InterruptedException e) {
      gateway.close();
      throw e;
    }
    return gateway;
  }

  private static Bootstrap backendBootstrap(EventLoopGroup workers) {
    return new Bootstrap()
        .group(workers)
        .channel(Transport.socketChannel())
        .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, CONNECT_TIMEOUT_MILLIS)
        .option(ChannelOption.TCP_NODELAY, true)
        .option(
            ChannelOption.WRITE_BUFFER_WATER_MARK, new WriteBufferWaterMark(64 * 1024, 256 * 1024))
        .handler(
            new ChannelInitializer<SocketChannel>() {
              @Override
              protected void initChannel(SocketChannel channel) {
                AlbCodecs.ResponseDecoder decoder = new AlbCodecs.ResponseDecoder();
                channel
                    .pipeline()
                    .addLast(decoder, new HttpRequestEncoder(), new BackendHandler(decoder));
              }
            });
  }

  private void bind(
      Listener listener,
      int port,
      LoadBalancerSettings settings,
      StickyCookies cookies,
      Bootstrap backends,
      BackendPool pool,
      String bindAddress)
      throws InterruptedException {
    ListenerRules rules = new ListenerRules(listener);
    ListenerContext[] context = new ListenerContext[1];
    ServerBootstrap server =
        new ServerBootstrap()
            .group(boss, workers)
            .channel(Transport.serverChannel())
            .option(ChannelOption.SO_BACKLOG, 1024)
            .option(ChannelOption.SO_REUSEADDR, true)
            .childOption(ChannelOption.TCP_NODELAY, true)
            .childOption(
                ChannelOption.WRITE_BUFFER_WATER_MARK,
                new WriteBufferWaterMark(64 * 1024, 256 * 1024))
            .childHandler(
                new ChannelInitializer<SocketChannel>() {
                  @Override
                  protected void initChannel(SocketChannel channel) {
                    clients.add(channel);
                    AlbCodecs.RequestDecoder decoder = new AlbCodecs.RequestDecoder();
                    AlbCodecs.ResponseEncoder encoder = new AlbCodecs.ResponseEncoder();
                    channel
                        .pipeline()
                        .addLast(decoder, encoder)
                        .addLast(new FrontendHandler(context[0], decoder, encoder));
                  }
                });
    Channel channel = server.bind(new InetSocketAddress(bindAddress, port)).sync().channel();
    int bound = ((InetSocketAddress) channel.localAddress()).getPort();
    context[0] =
        new ListenerContext(
            bound, rules, settings, targets, accessLog, cookies, backends, pool, activeExchanges);
    servers.put(listener.port(), channel);
    LOG.info("Listener on configured port {} serving HTTP on port {}", listener.port(), bound);
  }

  /** The port a listener serves on (its configured port, or the override). */
  public int port(int configuredPort) {
    return ((InetSocketAddress) servers.get(configuredPort).localAddress()).getPort();
  }

  /** The first listener's port. */
  public int port() {
    return ((InetSocketAddress) servers.values().iterator().next().localAddress()).getPort();
  }

  public String loadBalancerArn() {
    return loadBalancerArn;
  }

  public TargetRegistry targets() {
    return targets;
  }

  /** The load balancer document this gateway serves. */
  public LoadBalancer config() {
    return config;
  }

  /** When the gateway started (DescribeLoadBalancers' CreatedTime). */
  public Instant startedAt() {
    return startedAt;
  }

  /** The load balancer's DNS name: the Host of HTTP/1.0 requests without one. */
  public String dnsName() {
    return LoadBalancerSettings.of(config).dnsName();
  }

  /**
   * Stops accepting, waits for requests in flight (up to the grace period), then closes every
   * connection. Safe to call from several threads (a shutdown hook and the application context):
   * later callers wait for the first to finish.
   */
  @Override
  public void close() {
    if (!closing.compareAndSet(false, true)) {
      try {
        closed.await(grace.toMillis() + 5000, TimeUnit.MILLISECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      return;
    }
    try {
      shutDown();
    } finally {
      closed.countDown();
    }
  }

  private void shutDown() {
    LOG.info(
        "Stopping: no new connections, waiting for {} request(s) in flight", activeExchanges.get());
    servers.values().forEach(channel -> channel.close().awaitUninterruptibly());
    long deadline = System.nanoTime() + grace.toNanos();
    while (activeExchanges.get() > 0 && System.nanoTime() < deadline) {
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    clients.close().awaitUninterruptibly();
    targets.close();
    boss.shutdownGracefully(0, 1, TimeUnit.SECONDS);
    workers.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly();
    try {
      accessLog.close();
    } catch (IOException e) {
      LOG.warn("Closing the access log failed: {}", e.toString());
    }
  }
}
