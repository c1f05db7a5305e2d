package io.notejam.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.security.SecureRandom;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A TCP forwarder between the service and its database, so a test can take the database away
 * (refuse and drop every connection) and bring it back on the same port, without touching the
 * database server everybody shares.
 */
public final class TcpProxy implements AutoCloseable {
  private static final SecureRandom RANDOM = new SecureRandom();
  private final String targetHost;
  private final int targetPort;
  private final int port;
  private final Set<Socket> open = ConcurrentHashMap.newKeySet();
  private volatile ServerSocket server;
  private volatile Thread acceptor;

  public TcpProxy(String targetHost, int targetPort) throws IOException {
    this.targetHost = targetHost;
    this.targetPort = targetPort;
    ServerSocket first = bindBelowEphemeralRange();
    this.port = first.getLocalPort();
    listen(first);
  }

  /**
   * A port outside Linux's ephemeral range (32768-60999): once cut, a port from that range can be
   * handed to an outgoing socket, which then connects to itself instead of being refused.
   */
  private static ServerSocket bindBelowEphemeralRange() throws IOException {
    IOException last = null;
    for (int attempt = 0; attempt < 50; attempt++) {
      int candidate = 20_000 + RANDOM.nextInt(12_000);
      ServerSocket socket = new ServerSocket();
      try {
        socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), candidate), 50);
        return socket;
      } catch (IOException taken) {
        socket.close();
        last = taken;
      }
    }
    throw new IOException("no free loopback port between 20000 and 32000", last);
  }

  public int port() {
    return port;
  }

  /** The database is unreachable: new connections are refused, open ones are dropped. */
  public synchronized void cut() throws IOException {
    server.close();
    // A close while accept() blocks takes effect when the accepting thread wakes: until then the
    // kernel would still complete new connections. Wait for it so "cut" means refused.
    try {
      acceptor.join(5_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    for (Socket socket : open) {
      socket.close();
    }
    open.clear();
  }

  /** The database is back on the same port. */
  public synchronized void restore() throws IOException {
    ServerSocket again = new ServerSocket();
    again.setReuseAddress(true);
    again.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
    listen(again);
  }

  @Override
  public void close() throws IOException {
    cut();
  }

  private void listen(ServerSocket socket) {
    server = socket;
    acceptor =
        daemon(
            () -> {
              while (!socket.isClosed()) {
                try {
                  Socket client = socket.accept();
                  Socket target = new Socket(targetHost, targetPort);
                  // MySQL's protocol is many small round trips: no Nagle delay on either leg.
                  client.setTcpNoDelay(true);
                  target.setTcpNoDelay(true);
                  open.add(client);
                  open.add(target);
                  pump(client, target);
                  pump(target, client);
                } catch (IOException closed) {
                  return;
                }
              }
            });
  }

  private void pump(Socket from, Socket to) {
    daemon(
        () -> {
          byte[] buffer = new byte[8192];
          try (InputStream in = from.getInputStream();
              OutputStream out = to.getOutputStream()) {
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
              out.write(buffer, 0, n);
              out.flush();
            }
          } catch (IOException dropped) {
            // one side went away: close both below
          } finally {
            closeQuietly(from);
            closeQuietly(to);
          }
        });
  }

  private Thread daemon(Runnable work) {
    Thread thread = new Thread(work, "tcp-proxy-" + port);
    thread.setDaemon(true);
    thread.start();
    return thread;
  }

  private void closeQuietly(Socket socket) {
    open.remove(socket);
    try {
      socket.close();
    } catch (IOException ignored) {
      // already closed
    }
  }
}
