package io.notejam.gateway.proxy;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.ReferenceCountUtil;
import io.netty.util.concurrent.ScheduledFuture;
import io.notejam.albconfig.model.Action;
import io.notejam.gateway.accesslog.AccessLogEntry;
import io.notejam.gateway.routing.RequestFacts;
import io.notejam.gateway.routing.RuleMatch;
import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One client connection: validates each request as ALB does, evaluates the listener's rules and
 * runs the action. Requests are handled one at a time; pipelined ones wait in order.
 */
final class FrontendHandler extends ChannelInboundHandlerAdapter {
  static final int BLOCK_CONNECTING = 1;
  static final int BLOCK_BACKPRESSURE = 2;
  private static final int BLOCK_PIPELINE = 4;
  private static final int USER_AGENT_LIMIT = 8 * 1024;
  private static final FullHttpResponse CONTINUE = continueResponse();

  private final ListenerContext listener;
  private final AlbCodecs.RequestDecoder decoder;
  private final AlbCodecs.ResponseEncoder encoder;
  private final String connTraceId;
  private final ArrayDeque<Object> pipelined = new ArrayDeque<>();
  private ChannelHandlerContext ctx;
  private InetSocketAddress peer;
  private String clientForLog;
  private String forwardedForClient;
  private Exchange current;
  private int readBlocks;
  private ScheduledFuture<?> idleCheck;
  private long lastExchangeEndNanos;
  private boolean servedAny;
  private boolean closing;

  FrontendHandler(
      ListenerContext listener,
      AlbCodecs.RequestDecoder decoder,
      AlbCodecs.ResponseEncoder encoder) {
    this.listener = listener;
    this.decoder = decoder;
    this.encoder = encoder;
    this.connTraceId = TraceIds.connectionId();
  }

  private static FullHttpResponse continueResponse() {
    FullHttpResponse response =
        new DefaultFullHttpResponse(
            HttpVersion.HTTP_1_1, HttpResponseStatus.CONTINUE, Unpooled.EMPTY_BUFFER);
    response.headers().set(HttpHeaderNames.CONTENT_LENGTH, 0);
    return response;
  }

  /** A request being answered: a forward to a target, or a response the load balancer writes. */
  interface Exchange {
    void onRequestContent(HttpContent content);

    void onClientClosed();

    default void onClientWritable() {}

    default void flushTarget() {}

    /** Enforces the idle timeout; returns the milliseconds until the next check, or -1 for none. */
    default long checkIdleTimeout() {
      return -1;
    }
  }

  ChannelHandlerContext context() {
    return ctx;
  }

  ListenerContext listener() {
    return listener;
  }

  AlbCodecs.ResponseEncoder encoder() {
    return encoder;
  }

  /** The client as this connection's X-Forwarded-For entry names it. */
  String forwardedForClient() {
    return forwardedForClient;
  }

  @Override
  public void handlerAdded(ChannelHandlerContext ctx) {
    this.ctx = ctx;
  }

  @Override
  public void channelActive(ChannelHandlerContext ctx) {
    // the peer's texts are computed once per connection, not per request
    peer = (InetSocketAddress) ctx.channel().remoteAddress();
    String ip = peer.getAddress().getHostAddress();
    clientForLog = (ip.contains(":") ? "[" + ip + "]" : ip) + ":" + peer.getPort();
    forwardedForClient = ForwardHeaders.clientAddress(peer, listener.settings().xffClientPort());
    ctx.channel().config().setAutoRead(true);
    lastExchangeEndNanos = System.nanoTime();
    armIdleCheck(listener.settings().idleTimeoutMillis());
    ctx.fireChannelActive();
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object message) {
    if (closing) {
      // the rest of a read burst after a response that closes the connection: never answered
      ReferenceCountUtil.release(message);
      return;
    }
    if (message instanceof HttpRequest request && HttpUtil.is100ContinueExpected(request)) {
      // answered here, as soon as read, and not forwarded (hop-by-hop); in this handler rather than
      // Netty's HttpServerExpectContinueHandler to save every message a trip through one more
      // handler
      ctx.writeAndFlush(CONTINUE.retainedDuplicate())
          .addListener(ChannelFutureListener.CLOSE_ON_FAILURE);
      request.headers().remove(HttpHeaderNames.EXPECT);
    }
    if (!pipelined.isEmpty() || (message instanceof HttpRequest && current != null)) {
      pipelined.add(message);
      block(BLOCK_PIPELINE);
      return;
    }
    dispatch(message);
  }

  private void dispatch(Object message) {
    if (message instanceof HttpRequest request) {
      startRequest(request);
      if (message instanceof HttpContent content && current != null) {
        current.onRequestContent(content);
      } else {
        ReferenceCountUtil.release(message);
      }
    } else if (message instanceof HttpContent content) {
      if (current == null) {
        content.release();
      } else {
        current.onRequestContent(content);
      }
    } else {
      ReferenceCountUtil.release(message);
    }
  }

  /** Called when an exchange has both read its request and written its response. */
  void finish(Exchange exchange, boolean close) {
    if (exchange != current) {
      return;
    }
    current = null;
    servedAny = true;
    lastExchangeEndNanos = System.nanoTime();
    listener.activeExchanges().decrementAndGet();
    if (close) {
      closing = true;
      pipelined.forEach(ReferenceCountUtil::release);
      pipelined.clear();
      ctx.close();
      return;
    }
    while (!pipelined.isEmpty()) {
      if (pipelined.peek() instanceof HttpRequest && current != null) {
        return;
      }
      dispatch(pipelined.poll());
    }
    unblock(BLOCK_PIPELINE);
  }

  /**
   * The connection's one idle timer, armed while the connection is open and re-armed only when it
   * fires (about once per idle timeout), so a request schedules and cancels nothing. It enforces
   * both clocks: an exchange's idle timeout towards its target, and the client connection's idle
   * timeout (no bytes either way) between requests.
   */
  private void armIdleCheck(long delayMillis) {
    idleCheck = ctx.executor().schedule(this::checkIdleTimeout, delayMillis, TimeUnit.MILLISECONDS);
  }

  private void checkIdleTimeout() {
    idleCheck = null;
    if (!ctx.channel().isActive()) {
      return;
    }
    long idleMillis = listener.settings().idleTimeoutMillis();
    if (current != null) {
      long nextCheckMillis = current.checkIdleTimeout();
      armIdleCheck(nextCheckMillis > 0 ? nextCheckMillis : idleMillis);
      return;
    }
    long lastActivity = Math.max(decoder.lastReadNanos(), lastExchangeEndNanos);
    long quietMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - lastActivity);
    if (quietMillis < idleMillis) {
      armIdleCheck(idleMillis - quietMillis);
    } else {
      clientIdle();
    }
  }

  void block(int reason) {
    readBlocks |= reason;
    ctx.channel().config().setAutoRead(false);
  }

  void unblock(int reason) {
    readBlocks &= ~reason;
    if (readBlocks == 0 && ctx.channel().isActive()) {
      ctx.channel().config().setAutoRead(true);
      ctx.read();
    }
  }

  private void startRequest(HttpRequest request) {
    listener.activeExchanges().incrementAndGet();
    AccessLogEntry entry = newEntry(request);
    boolean keepAlive = HttpUtil.isKeepAlive(request);
    boolean ambiguous = decoder.takeBothTeAndCl();
    if (request.decoderResult().isFailure()) {
      entry.classification = "Severe";
      entry.classificationReason = reasonFor(request);
      respondLocally(entry, AlbPages.BAD_REQUEST.response(false), true, false);
      return;
    }
    if (request.protocolVersion().majorVersion() != 1) {
      // e.g. the HTTP/2 preface (PRI * HTTP/2.0) on an HTTP/1 listener (spec §7.1)
      respondLocally(entry, AlbPages.VERSION_NOT_SUPPORTED.response(false), true, false);
      return;
    }
    if (!validRequestTarget(request)) {
      // neither origin form (/path), absolute form (http://…) nor OPTIONS *: a malformed request
      entry.classification = "Severe";
      entry.classificationReason = "BadUri";
      respondLocally(entry, AlbPages.BAD_REQUEST.response(false), true, false);
      return;
    }
    Iterator<Map.Entry<CharSequence, CharSequence>> headers =
        request.headers().iteratorCharSequence();
    while (headers.hasNext()) {
      Map.Entry<CharSequence, CharSequence> header = headers.next();
      if (header.getKey().length() + 2 + header.getValue().length()
          >= AlbCodecs.MAX_SINGLE_HEADER) {
        respondLocally(entry, AlbPages.BAD_REQUEST.response(false), true, false);
        return;
      }
    }
    String desyncMode = listener.settings().desyncMode();
    if (ambiguous) {
      // monitor forwards an Ambiguous request; defensive forwards it, then closes both connections
      // (ProxyExchange does not pool the target's); strictest blocks it (spec §6.9)
      entry.classification = "Ambiguous";
      entry.classificationReason = "BothTeClPresent";
      if (desyncMode.equals("strictest")) {
        respondLocally(entry, AlbPages.BAD_REQUEST.response(false), true, false);
        return;
      }
      if (!desyncMode.equals("monitor")) {
        keepAlive = false;
      }
    }
    if (request.method().equals(HttpMethod.TRACE)) {
      respondLocally(entry, AlbPages.NOT_ALLOWED.response(keepAlive), !keepAlive, false);
      return;
    }
    int chunkedCodings = 0;
    for (String encoding : request.headers().getAll(HttpHeaderNames.TRANSFER_ENCODING)) {
      for (String token : encoding.split(",")) {
        String coding = token.trim().toLowerCase(Locale.ROOT);
        if (coding.equals("chunked")) {
          chunkedCodings++;
        } else if (!coding.equals("identity")) {
          respondLocally(entry, AlbPages.NOT_IMPLEMENTED.response(false), true, false);
          return;
        }
      }
    }
    if (chunkedCodings > 1) {
      // desync Severe: defensive and strictest block it with 400 and close, monitor lets it through
      entry.classification = "Severe";
      entry.classificationReason = "MultipleTransferEncodingChunked";
      if (!desyncMode.equals("monitor")) {
        respondLocally(entry, AlbPages.BAD_REQUEST.response(false), true, false);
        return;
      }
    }
    if (ForwardHeaders.forwardedForCount(request.headers()) > 30) {
      respondLocally(entry, AlbPages.XFF_TOO_LONG.response(keepAlive), !keepAlive, false);
      return;
    }
    RequestTarget target = RequestTarget.parse(request);
    RequestFacts facts =
        new RequestFacts(
            request.method().name(),
            target.path(),
            target.query(),
            target.host(),
            request.headers(),
            peer.getAddress());
    RuleMatch match = listener.rules().match(facts);
    entry.matchedRulePriority = Integer.toString(match.priority());
    Action action = match.action();
    switch (action.type()) {
      case Action.FIXED_RESPONSE -> {
        entry.actionsExecuted = "fixed-response";
        entry.traceId = traceId(request, entry);
        respondLocally(
            entry,
            LocalResponses.fixed(action.fixedResponseConfig(), keepAlive),
            !keepAlive,
            false);
      }
      case Action.REDIRECT -> {
        entry.traceId = traceId(request, entry);
        String host =
            facts.hostWithoutPort() != null
                ? facts.hostWithoutPort()
                : listener.settings().dnsName();
        String location =
            LocalResponses.location(
                action.redirectConfig(), host, listener.port(), target.path(), target.query());
        entry.actionsExecuted = "redirect";
        entry.redirectUrl = location;
        respondLocally(
            entry,
            LocalResponses.redirect(action.redirectConfig(), location, keepAlive),
            !keepAlive,
            false);
      }
      default -> {
        entry.actionsExecuted = "forward";
        ProxyExchange exchange =
            new ProxyExchange(this, request, target, facts, match, entry, keepAlive);
        current = exchange;
        exchange.start();
      }
    }
  }

  /**
   * The X-Amzn-Trace-Id ALB gives a request it answers itself (logged in {@code trace_id}, as it
   * would be forwarded).
   */
  static String traceId(HttpRequest request, AccessLogEntry entry) {
    return TraceIds.forward(
        request.headers().get(ForwardHeaders.X_AMZN_TRACE_ID), entry.receivedBytes > 7 * 1024);
  }

  private static boolean validRequestTarget(HttpRequest request) {
    String uri = request.uri();
    return uri.startsWith("/")
        || uri.regionMatches(true, 0, "http://", 0, 7)
        || uri.regionMatches(true, 0, "https://", 0, 8)
        || (uri.equals("*") && request.method().equals(HttpMethod.OPTIONS));
  }

  private static String reasonFor(HttpRequest request) {
    Throwable cause = request.decoderResult().cause();
    String name = cause == null ? "" : cause.getClass().getSimpleName();
    if (name.contains("TooLong")) {
      return "-";
    }
    String message = cause == null || cause.getMessage() == null ? "" : cause.getMessage();
    return message.contains("Content-Length") ? "MultipleContentLength" : "BadHeader";
  }

  private AccessLogEntry newEntry(HttpRequest request) {
    AccessLogEntry entry = new AccessLogEntry();
    entry.receivedNanos = System.nanoTime();
    entry.elb = listener.settings().elbId();
    entry.client = clientForLog;
    entry.connTraceId = connTraceId;
    String host = request.headers().get(HttpHeaderNames.HOST);
    String uri = request.uri();
    String url =
        uri.startsWith("http://") || uri.startsWith("https://")
            ? uri
            : "http://" + hostWithPort(host) + uri;
    entry.request = request.method().name() + " " + url + " " + request.protocolVersion().text();
    String agent = request.headers().get(HttpHeaderNames.USER_AGENT);
    entry.userAgent =
        agent == null
            ? "-"
            : agent.length() > USER_AGENT_LIMIT ? agent.substring(0, USER_AGENT_LIMIT) : agent;
    entry.receivedBytes = headerBytes(request);
    return entry;
  }

  private String hostWithPort(String host) {
    if (host == null) {
      return listener.settings().dnsName() + ":" + listener.port();
    }
    int colon = host.lastIndexOf(':');
    return colon >= 0 && host.indexOf(']') < colon ? host : host + ":" + listener.port();
  }

  static long headerBytes(HttpRequest request) {
    long bytes = request.method().name().length() + request.uri().length() + 12;
    Iterator<Map.Entry<CharSequence, CharSequence>> headers =
        request.headers().iteratorCharSequence();
    while (headers.hasNext()) {
      Map.Entry<CharSequence, CharSequence> header = headers.next();
      bytes += header.getKey().length() + header.getValue().length() + 4;
    }
    return bytes + 2;
  }

  /**
   * Writes a response the load balancer generated. The rest of the request body is read and dropped
   * unless the connection closes.
   */
  void respondLocally(
      AccessLogEntry entry, FullHttpResponse response, boolean close, boolean requestDone) {
    LocalExchange exchange = new LocalExchange(requestDone);
    current = exchange;
    entry.elbStatus = response.status().code();
    boolean head = entry.request.startsWith("HEAD ");
    entry.sentBytes =
        ProxyExchange.headBytes(response) + (head ? 0 : response.content().readableBytes());
    entry.responseStartNanos = System.nanoTime();
    encoder.answeringHead(head);
    ctx.writeAndFlush(response)
        .addListener(
            future -> {
              entry.responseTime = Instant.now();
              listener.accessLog().write(entry);
              exchange.responseWritten(close);
            });
  }

  private final class LocalExchange implements Exchange {
    private boolean requestDone;
    private boolean responseDone;
    private boolean close;

    LocalExchange(boolean requestDone) {
      this.requestDone = requestDone;
    }

    @Override
    public void onRequestContent(HttpContent content) {
      boolean last = content instanceof LastHttpContent;
      content.release();
      if (last) {
        requestDone = true;
        if (responseDone) {
          finish(this, close);
        }
      }
    }

    void responseWritten(boolean close) {
      this.close = close;
      responseDone = true;
      if (requestDone || close) {
        finish(this, close);
      }
    }

    @Override
    public void onClientClosed() {
      finish(this, true);
    }
  }

  /**
   * No bytes either way for the idle timeout between requests: 408 if none came yet, else close.
   */
  private void clientIdle() {
    if (servedAny) {
      ctx.close();
      return;
    }
    listener.activeExchanges().incrementAndGet();
    AccessLogEntry entry = new AccessLogEntry();
    entry.elb = listener.settings().elbId();
    entry.client = clientForLog;
    entry.connTraceId = connTraceId;
    respondLocally(entry, AlbPages.REQUEST_TIMEOUT.response(false), true, true);
  }

  @Override
  public void channelReadComplete(ChannelHandlerContext ctx) {
    if (current != null) {
      current.flushTarget();
    }
    ctx.fireChannelReadComplete();
  }

  @Override
  public void channelWritabilityChanged(ChannelHandlerContext ctx) {
    if (current != null && ctx.channel().isWritable()) {
      current.onClientWritable();
    }
    ctx.fireChannelWritabilityChanged();
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) {
    if (idleCheck != null) {
      idleCheck.cancel(false);
      idleCheck = null;
    }
    pipelined.forEach(ReferenceCountUtil::release);
    pipelined.clear();
    if (current != null) {
      current.onClientClosed();
    }
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    ctx.close();
  }
}
