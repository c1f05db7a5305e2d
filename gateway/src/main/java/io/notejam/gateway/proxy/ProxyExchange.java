package io.notejam.gateway.proxy;

import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ConnectTimeoutException;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.DefaultHttpRequest;
import io.netty.handler.codec.http.EmptyHttpHeaders;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.notejam.albconfig.model.Action;
import io.notejam.albconfig.model.TargetGroupAttributes;
import io.notejam.gateway.accesslog.AccessLogEntry;
import io.notejam.gateway.routing.RequestFacts;
import io.notejam.gateway.routing.RuleMatch;
import io.notejam.gateway.routing.UrlTransform;
import io.notejam.gateway.targets.Target;
import io.notejam.gateway.targets.TargetGroupRuntime;
import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * A forward: picks the target group (weights, AWSALBTG) and target (algorithm, stickiness,
 * fail-open), rewrites the request, streams it to the target over a pooled HTTP/1.1 connection and
 * streams the response back, mapping failures to ALB's 502/503/504.
 */
final class ProxyExchange implements FrontendHandler.Exchange {
  private static final String STICKY_TARGET = "t";
  private static final String STICKY_GROUP = "g";

  private final FrontendHandler front;
  private final ListenerContext listener;
  private final HttpRequest request;
  private final RequestTarget requestTarget;
  private final RequestFacts facts;
  private final RuleMatch match;
  private final AccessLogEntry entry;
  private final boolean keepAlive;
  private final boolean head;
  private final List<HttpContent> waiting = new ArrayList<>();
  private final Runnable drainAbort = this::onDrainExpired;
  private TargetGroupRuntime group;
  private Target target;
  private String groupCookie;
  private HttpRequest outbound;
  private boolean bodylessRequest;
  private HttpResponse pendingHead;
  private Channel backend;
  private boolean idleWatched;
  private long lastActivityNanos;
  private boolean requestDone;
  private boolean responseStarted;
  private boolean responseDone;
  private boolean skippingInformational;
  private boolean backendReusable;
  private boolean closeClient;
  private boolean finished;

  ProxyExchange(
      FrontendHandler front,
      HttpRequest request,
      RequestTarget requestTarget,
      RequestFacts facts,
      RuleMatch match,
      AccessLogEntry entry,
      boolean keepAlive) {
    this.front = front;
    this.listener = front.listener();
    this.request = request;
    this.requestTarget = requestTarget;
    this.facts = facts;
    this.match = match;
    this.entry = entry;
    this.keepAlive = keepAlive;
    this.closeClient = !keepAlive;
    this.head = request.method().equals(HttpMethod.HEAD);
  }

  void start() {
    Action action = match.action();
    group = chooseGroup(action);
    if (group == null) {
      failBeforeDispatch(AlbPages.UNAVAILABLE);
      return;
    }
    entry.targetGroupArn = group.arn();
    if (!"HTTP1".equals(group.config().protocolVersionOrDefault())) {
      failBeforeDispatch(AlbPages.PROTOCOL_MISMATCH);
      return;
    }
    Optional<Target> chosen = group.select(stickyTarget());
    if (chosen.isEmpty()) {
      failBeforeDispatch(AlbPages.UNAVAILABLE);
      return;
    }
    target = chosen.get();
    entry.target = target.hostAndPort();
    String uri = requestTarget.originForm();
    String host =
        ForwardHeaders.hostForTarget(facts.host(), listener.port(), listener.settings().dnsName());
    for (UrlTransform transform : match.transforms()) {
      String subject = transform.rewritesUrl() ? uri : host;
      try {
        String rewritten = transform.apply(subject);
        if (rewritten == null) {
          entry.requestTransformStatus = "NoMatch";
          continue;
        }
        if (transform.rewritesUrl() ? !validUri(rewritten) : !validHost(rewritten)) {
          throw new IllegalArgumentException("invalid result " + rewritten);
        }
        entry.requestTransformStatus = "Success";
        if (transform.rewritesUrl()) {
          uri = rewritten;
          entry.transformedUri = rewritten;
        } else {
          host = rewritten;
          entry.transformedHost = rewritten;
        }
      } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
        entry.requestTransformStatus = "Failed";
        failBeforeDispatch(AlbPages.INTERNAL_ERROR);
        return;
      }
    }
    // A request without a body goes out as one message (head only); the decoder's empty last
    // content that follows is then dropped instead of taking its own trip through the encoder.
    boolean chunked = HttpUtil.isTransferEncodingChunked(request);
    bodylessRequest = !chunked && HttpUtil.getContentLength(request, 0L) == 0;
    HttpHeaders headers = buildHeaders(host, chunked);
    outbound =
        bodylessRequest
            ? new DefaultFullHttpRequest(
                HttpVersion.HTTP_1_1,
                request.method(),
                uri,
                Unpooled.EMPTY_BUFFER,
                headers,
                EmptyHttpHeaders.INSTANCE)
            : new DefaultHttpRequest(HttpVersion.HTTP_1_1, request.method(), uri, headers);
    target.requestStarted(drainAbort);
    acquireBackend();
  }

  private static boolean validUri(String uri) {
    if (!uri.startsWith("/")) {
      return false;
    }
    for (int i = 0; i < uri.length(); i++) {
      char c = uri.charAt(i);
      if (c <= 0x20 || c >= 0x7f) {
        return false;
      }
    }
    return true;
  }

  private static boolean validHost(String host) {
    return !host.isEmpty() && host.matches("[A-Za-z0-9.\\-:\\[\\]]+");
  }

  private TargetGroupRuntime chooseGroup(Action action) {
    List<Action.TargetGroupTuple> tuples = action.forwardTargets();
    Action.StickinessConfig stickiness =
        action.forwardConfig() == null
            ? null
            : action.forwardConfig().targetGroupStickinessConfig();
    boolean groupSticky = stickiness != null && stickiness.isEnabled();
    if (groupSticky) {
      String cookie = StickyCookies.requestCookie(request.headers(), StickyCookies.GROUP);
      if (cookie != null) {
        String name = listener.cookies().verify(STICKY_GROUP, cookie);
        Optional<TargetGroupRuntime> pinned =
            tuples.stream()
                .filter(t -> t.groupName().equals(name) && t.weightOrDefault() > 0)
                .findFirst()
                .flatMap(t -> listener.targets().byName(t.groupName()));
        if (pinned.isPresent()) {
          groupCookie = cookie;
          return pinned.get();
        }
        entry.errorReason = "AWSALBTGCookieInvalid";
      }
    }
    int total = tuples.stream().mapToInt(Action.TargetGroupTuple::weightOrDefault).sum();
    if (total <= 0) {
      return null;
    }
    int pick = tuples.size() == 1 ? 0 : ThreadLocalRandom.current().nextInt(total);
    for (Action.TargetGroupTuple tuple : tuples) {
      pick -= tuple.weightOrDefault();
      if (pick < 0) {
        TargetGroupRuntime chosen = listener.targets().byName(tuple.groupName()).orElse(null);
        if (groupSticky && chosen != null) {
          groupCookie =
              listener.cookies().issue(STICKY_GROUP, chosen.name(), stickiness.durationSeconds());
        }
        return chosen;
      }
    }
    return null;
  }

  /** The target a stickiness cookie names, if it is in this group. */
  private Target stickyTarget() {
    if (!group.stickinessEnabled()) {
      return null;
    }
    String name = group.appCookieStickiness() ? StickyCookies.APP : StickyCookies.LB;
    String subject =
        listener
            .cookies()
            .verify(STICKY_TARGET, StickyCookies.requestCookie(request.headers(), name));
    if (subject == null) {
      return null;
    }
    for (Target candidate : group.targets()) {
      if ((group.name() + "!" + candidate.hostAndPort()).equals(subject)) {
        return candidate;
      }
    }
    return null;
  }

  /** Turns the client's headers, in place, into those the target receives. */
  private HttpHeaders buildHeaders(String host, boolean chunked) {
    LoadBalancerSettings settings = listener.settings();
    HttpHeaders headers = request.headers();
    boolean hadHost = headers.contains(HttpHeaderNames.HOST);
    ForwardHeaders.stripHopByHop(headers, settings.dropInvalidHeaders());
    if (!settings.preserveHost() || !hadHost) {
      headers.remove(HttpHeaderNames.HOST);
      headers.set(HeaderNames.HOST, host);
    } else if (!entry.transformedHost.equals("-")) {
      headers.set(HeaderNames.HOST, host);
    }
    ForwardHeaders.applyForwardedFor(headers, settings, front.forwardedForClient());
    headers.set(ForwardHeaders.X_FORWARDED_PROTO, "http");
    headers.set(ForwardHeaders.X_FORWARDED_PORT, Integer.toString(listener.port()));
    String trace = FrontendHandler.traceId(request, entry);
    headers.set(ForwardHeaders.X_AMZN_TRACE_ID, trace);
    entry.traceId = trace;
    if (chunked) {
      headers.set(HeaderNames.TRANSFER_ENCODING, HttpHeaderValues.CHUNKED);
    }
    return headers;
  }

  private void acquireBackend() {
    Channel pooled = listener.pool().poll(target.address());
    if (pooled != null) {
      attach(pooled);
      return;
    }
    front.block(FrontendHandler.BLOCK_CONNECTING);
    ChannelFuture connect =
        listener.backends().clone(front.context().channel().eventLoop()).connect(target.address());
    connect.addListener(
        (ChannelFuture future) -> {
          front.unblock(FrontendHandler.BLOCK_CONNECTING);
          if (finished) {
            future.channel().close();
            return;
          }
          if (future.isSuccess()) {
            Channel channel = future.channel();
            InetSocketAddress address = target.address();
            channel.closeFuture().addListener(closed -> listener.pool().forget(address, channel));
            attach(channel);
          } else {
            failBeforeResponse(
                future.cause() instanceof ConnectTimeoutException
                    ? AlbPages.GATEWAY_TIMEOUT
                    : AlbPages.BAD_GATEWAY);
          }
        });
  }

  private void attach(Channel channel) {
    backend = channel;
    ((BackendHandler) channel.pipeline().last()).attach(this, head);
    channel.write(outbound);
    for (HttpContent content : waiting) {
      channel.write(content);
    }
    waiting.clear();
    channel.flush();
    entry.sentToTargetNanos = System.nanoTime();
    lastActivityNanos = entry.sentToTargetNanos;
    idleWatched = true;
    if (!channel.isWritable()) {
      front.block(FrontendHandler.BLOCK_BACKPRESSURE);
    }
  }

  @Override
  public void onRequestContent(HttpContent content) {
    boolean last = content instanceof LastHttpContent;
    entry.receivedBytes += content.content().readableBytes();
    if (finished || responseDone || bodylessRequest) {
      content.release();
    } else if (backend == null) {
      waiting.add(content);
    } else {
      touch();
      backend.write(content);
      if (!backend.isWritable()) {
        front.block(FrontendHandler.BLOCK_BACKPRESSURE);
      }
    }
    if (last) {
      requestDone = true;
      if (responseDone && !finished) {
        complete();
      }
    }
  }

  /** The client's read burst ended: send what was written to the target. */
  @Override
  public void flushTarget() {
    if (backend != null) {
      backend.flush();
    }
  }

  void onBackendWritable() {
    front.unblock(FrontendHandler.BLOCK_BACKPRESSURE);
  }

  @Override
  public void onClientWritable() {
    if (backend != null) {
      backend.config().setAutoRead(true);
    }
  }

  void onBackendResponse(HttpResponse response) {
    if (finished) {
      return;
    }
    if (response.decoderResult().isFailure()) {
      failOrClose(AlbPages.BAD_GATEWAY);
      return;
    }
    int code = response.status().code();
    if (code >= 100 && code < 200 && code != 101) {
      skippingInformational = true;
      return;
    }
    long now = System.nanoTime();
    lastActivityNanos = now;
    entry.targetHeadersNanos = now;
    entry.targetStatus = Integer.toString(code);
    entry.elbStatus = code;
    // defensive desync mitigation closes the target connection of an Ambiguous request too
    backendReusable = HttpUtil.isKeepAlive(response) && (keepAlive || !isAmbiguous());
    // the target's headers are relayed in place: only hop-by-hop ones go, framing may be added
    HttpHeaders headers = response.headers();
    boolean chunked = HttpUtil.isTransferEncodingChunked(response);
    boolean bodyless = head || code == 204 || code == 304;
    boolean hasLength = headers.contains(HttpHeaderNames.CONTENT_LENGTH);
    boolean targetSetsAppCookie = targetSetsAppCookie(headers);
    ForwardHeaders.stripHopByHop(headers, false);
    if (chunked) {
      headers.set(HeaderNames.TRANSFER_ENCODING, HttpHeaderValues.CHUNKED);
    } else if (!bodyless && !hasLength) {
      if (request.protocolVersion().equals(HttpVersion.HTTP_1_1)) {
        headers.set(HeaderNames.TRANSFER_ENCODING, HttpHeaderValues.CHUNKED);
      } else {
        closeClient = true;
      }
    }
    addStickinessCookies(targetSetsAppCookie, headers);
    if (closeClient) {
      headers.set(HeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
    } else if (request.protocolVersion().equals(HttpVersion.HTTP_1_0)) {
      headers.set(HeaderNames.CONNECTION, HttpHeaderValues.KEEP_ALIVE);
    }
    response.setProtocolVersion(HttpVersion.HTTP_1_1);
    entry.sentBytes = headBytes(response);
    responseStarted = true;
    entry.responseStartNanos = now;
    front.encoder().answeringHead(head);
    // held until the body's first part: a body that comes whole goes out with it as one message
    pendingHead = response;
  }

  private boolean isAmbiguous() {
    return "Ambiguous".equals(entry.classification);
  }

  /** Writes the held response head, if any, ahead of a part of the body. */
  private void writePendingHead() {
    if (pendingHead != null) {
      front.context().write(pendingHead);
      pendingHead = null;
    }
  }

  /** Whether the target sets the group's application cookie (app_cookie stickiness only). */
  private boolean targetSetsAppCookie(HttpHeaders fromTarget) {
    if (!group.stickinessEnabled() || !group.appCookieStickiness()) {
      return false;
    }
    String appCookie = group.config().attribute(TargetGroupAttributes.APP_COOKIE_NAME);
    return fromTarget.getAll(HttpHeaderNames.SET_COOKIE).stream()
        .anyMatch(c -> c.startsWith(appCookie + "="));
  }

  private void addStickinessCookies(boolean targetSetsAppCookie, HttpHeaders out) {
    if (groupCookie != null) {
      StickyCookies.addSetCookies(out, StickyCookies.GROUP, StickyCookies.GROUP_CORS, groupCookie);
    }
    if (!group.stickinessEnabled()) {
      return;
    }
    String subject = group.name() + "!" + target.hostAndPort();
    if (group.appCookieStickiness()) {
      boolean hadSession =
          StickyCookies.requestCookie(request.headers(), StickyCookies.APP) != null;
      if (targetSetsAppCookie || hadSession) {
        long duration =
            Long.parseLong(group.config().attribute(TargetGroupAttributes.APP_COOKIE_DURATION));
        StickyCookies.addSetCookies(
            out,
            StickyCookies.APP,
            null,
            listener.cookies().issue(STICKY_TARGET, subject, duration));
      }
    } else {
      long duration =
          Long.parseLong(group.config().attribute(TargetGroupAttributes.LB_COOKIE_DURATION));
      StickyCookies.addSetCookies(
          out,
          StickyCookies.LB,
          StickyCookies.LB_CORS,
          listener.cookies().issue(STICKY_TARGET, subject, duration));
    }
  }

  /** Bytes of a response head as written: {@code HTTP/1.1 200 OK\r\n}, the header lines, CRLF. */
  static long headBytes(HttpResponse response) {
    return 15 + response.status().reasonPhrase().length() + headerBytes(response.headers());
  }

  private static long headerBytes(HttpHeaders headers) {
    long bytes = 2;
    Iterator<Map.Entry<CharSequence, CharSequence>> all = headers.iteratorCharSequence();
    while (all.hasNext()) {
      Map.Entry<CharSequence, CharSequence> header = all.next();
      bytes += header.getKey().length() + header.getValue().length() + 4;
    }
    return bytes;
  }

  void onBackendContent(HttpContent content) {
    if (finished) {
      content.release();
      return;
    }
    boolean last = content instanceof LastHttpContent;
    if (skippingInformational) {
      content.release();
      skippingInformational = !last;
      return;
    }
    if (content.decoderResult().isFailure()) {
      content.release();
      failOrClose(AlbPages.BAD_GATEWAY);
      return;
    }
    entry.sentBytes += content.content().readableBytes();
    if (!last) {
      touch();
      writePendingHead();
      front.context().write(content);
      if (!front.context().channel().isWritable()) {
        backend.config().setAutoRead(false);
      }
      return;
    }
    responseDone = true;
    idleWatched = false;
    // No longer outstanding for least_outstanding_requests before the client can see the end of
    // the response: its next request may be routed at once by the other I/O thread.
    target.requestFinished(drainAbort);
    // written synchronously while the client socket takes it; no listener per response
    if (pendingHead != null) {
      LastHttpContent whole = (LastHttpContent) content;
      front
          .context()
          .writeAndFlush(
              new DefaultFullHttpResponse(
                  pendingHead.protocolVersion(),
                  pendingHead.status(),
                  whole.content(),
                  pendingHead.headers(),
                  whole.trailingHeaders()));
      pendingHead = null;
    } else {
      front.context().writeAndFlush(content);
    }
    entry.responseTime = Instant.now();
    listener.accessLog().write(entry);
    releaseBackend(requestDone && backendReusable);
    if (requestDone) {
      complete();
    } else {
      // the target answered before the whole body arrived: the rest cannot be framed, so close
      closeClient = true;
      complete();
    }
  }

  void flushClient() {
    if (!finished) {
      writePendingHead();
      front.context().flush();
    }
  }

  private void complete() {
    finished = true;
    target.requestFinished(drainAbort);
    front.finish(this, closeClient);
  }

  /** The target connection closed while this exchange used it. */
  void onBackendClosed() {
    if (finished || responseDone) {
      return;
    }
    backend = null;
    failOrClose(AlbPages.BAD_GATEWAY);
  }

  @Override
  public void onClientClosed() {
    if (finished) {
      return;
    }
    finished = true;
    idleWatched = false;
    if (!responseDone) {
      entry.elbStatus = 460;
      entry.responseTime = Instant.now();
      listener.accessLog().write(entry);
      releaseBackend(false);
    }
    waiting.forEach(HttpContent::release);
    waiting.clear();
    if (target != null) {
      target.requestFinished(drainAbort);
    }
    front.finish(this, true);
  }

  /** The deregistration delay ran out with this request in flight: 502. */
  private void onDrainExpired() {
    front.context().channel().eventLoop().execute(() -> failOrClose(AlbPages.BAD_GATEWAY));
  }

  private void failBeforeDispatch(AlbPages page) {
    entry.elbStatus = page.code();
    entry.traceId = FrontendHandler.traceId(request, entry);
    finished = true;
    front.respondLocally(entry, page.response(keepAlive), closeClient, false);
  }

  /**
   * A failure before any response byte reached the client: ALB's page, target connection closed.
   */
  private void failBeforeResponse(AlbPages page) {
    if (finished) {
      return;
    }
    finished = true;
    idleWatched = false;
    releaseBackend(false);
    waiting.forEach(HttpContent::release);
    waiting.clear();
    target.requestFinished(drainAbort);
    entry.targetStatus = "-";
    boolean close = closeClient || !requestDone;
    front.respondLocally(entry, page.response(!close), close, requestDone);
  }

  /** Fails with {@code page} when nothing was sent yet; otherwise the client connection is cut. */
  private void failOrClose(AlbPages page) {
    if (finished) {
      return;
    }
    if (!responseStarted) {
      failBeforeResponse(page);
      return;
    }
    finished = true;
    idleWatched = false;
    releaseBackend(false);
    entry.elbStatus = page.code();
    entry.responseTime = Instant.now();
    listener.accessLog().write(entry);
    target.requestFinished(drainAbort);
    front.finish(this, true);
  }

  private void releaseBackend(boolean reusable) {
    Channel channel = backend;
    backend = null;
    if (channel == null) {
      return;
    }
    ((BackendHandler) channel.pipeline().last()).detach();
    channel.config().setAutoRead(true);
    if (reusable) {
      listener.pool().offer(target.address(), channel);
    } else {
      channel.close();
    }
  }

  private void touch() {
    lastActivityNanos = System.nanoTime();
  }

  /**
   * Called by the connection's idle timer: with no data either way for the idle timeout, 504 (or a
   * cut connection once the response began) and -1; otherwise the milliseconds left.
   */
  @Override
  public long checkIdleTimeout() {
    if (finished || !idleWatched) {
      return -1;
    }
    long idleMillis = listener.settings().idleTimeoutMillis();
    long quietMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - lastActivityNanos);
    if (quietMillis < idleMillis) {
      return idleMillis - quietMillis;
    }
    idleWatched = false;
    failOrClose(AlbPages.GATEWAY_TIMEOUT);
    return -1;
  }
}
