package io.notejam.gateway.support;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real HTTP server on a loopback port standing for one target: it records every request and
 * answers {@code 200} with its name (or what {@link #respondWith} says). Health checks hit {@code
 * /health} and answer {@link #healthStatus}.
 */
public final class TestBackend implements AutoCloseable {
  static {
    // the JDK server writes headers and body separately: without this, Nagle + delayed ACK add 40
    // ms
    System.setProperty("sun.net.httpserver.nodelay", "true");
  }

  /** What a backend does with one request. */
  public interface Responder {
    void respond(HttpExchange exchange, byte[] body) throws IOException;
  }

  /** One request as the target saw it. */
  public record Seen(String method, String uri, Headers headers, byte[] body, int remotePort) {
    public String header(String name) {
      return headers.getFirst(name);
    }

    public List<String> headers(String name) {
      List<String> values = headers.get(name);
      return values == null ? List.of() : values;
    }
  }

  private final String name;
  private final HttpServer server;
  private final List<Seen> seen = new CopyOnWriteArrayList<>();
  private final List<Seen> healthChecks = new CopyOnWriteArrayList<>();
  private final AtomicInteger healthStatus = new AtomicInteger(200);
  private volatile Responder responder;

  public TestBackend(String name) throws IOException {
    this.name = name;
    this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 128);
    server.setExecutor(Executors.newCachedThreadPool());
    server.createContext("/", this::handle);
    server.start();
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      byte[] body;
      try (InputStream in = exchange.getRequestBody()) {
        body = in.readAllBytes();
      }
      Seen request =
          new Seen(
              exchange.getRequestMethod(),
              exchange.getRequestURI().getRawPath()
                  + (exchange.getRequestURI().getRawQuery() == null
                      ? ""
                      : "?" + exchange.getRequestURI().getRawQuery()),
              exchange.getRequestHeaders(),
              body,
              exchange.getRemoteAddress().getPort());
      String agent = exchange.getRequestHeaders().getFirst("User-Agent");
      if (agent != null && agent.startsWith("ELB-HealthChecker")) {
        healthChecks.add(request);
        int status = healthStatus.get();
        if (status < 0) {
          // hang past the probe timeout
          sleep(-status);
          status = 200;
        }
        exchange.sendResponseHeaders(status, -1);
        return;
      }
      seen.add(request);
      Responder current = responder;
      if (current != null) {
        current.respond(exchange, body);
        return;
      }
      byte[] answer = name.getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().add("X-Backend", name);
      exchange.sendResponseHeaders(200, answer.length);
      exchange.getResponseBody().write(answer);
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  public String name() {
    return name;
  }

  public int port() {
    return server.getAddress().getPort();
  }

  public List<Seen> seen() {
    return seen;
  }

  public Seen last() {
    return seen.get(seen.size() - 1);
  }

  public List<Seen> healthChecks() {
    return healthChecks;
  }

  /** Status the health endpoint answers; a negative value hangs that many milliseconds. */
  public void healthStatus(int status) {
    healthStatus.set(status);
  }

  public void respondWith(Responder responder) {
    this.responder = responder;
  }

  /** A responder answering {@code status} with {@code body} and the given headers. */
  public static Responder answer(int status, String body, Map<String, List<String>> headers) {
    return (exchange, requestBody) -> {
      headers.forEach(
          (key, values) -> values.forEach(v -> exchange.getResponseHeaders().add(key, v)));
      byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
      exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
      if (bytes.length > 0) {
        exchange.getResponseBody().write(bytes);
      }
    };
  }

  public void reset() {
    seen.clear();
    healthChecks.clear();
    responder = null;
    healthStatus.set(200);
  }

  @Override
  public void close() {
    server.stop(0);
    ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
  }
}
