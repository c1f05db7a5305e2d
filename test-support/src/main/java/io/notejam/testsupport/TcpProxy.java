package io.notejam.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A TCP forwarder between the service and its database, so a test can take the database away
 * (refuse and drop every connection) and bring it back on the same port, without touching the
 * database server everybody shares.
 */
public final class TcpProxy implements AutoCloseable {
  private final String targetHost;
  private final int targetPort;
  private final int port;
  private final Set<Socket> open = ConcurrentHashMap.newKeySet();
  private volatile ServerSocket server;

  public TcpProxy(String targetHost, int targetPort) throws IOException {
    this.targetHost = targetHost;
    this.targetPort = targetPort;
    ServerSocket first = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    this.port = first.getLocalPort();
    listen(first);
  }

  public int port() {
    return port;
  }

  /** The database is unreachable: new connections are refused, open ones are dropped. */
  public synchronized void cut() throws IOException {
    server.close();
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

  private void daemon(Runnable work) {
    Thread thread = new Thread(work, "tcp-proxy-" + port);
    thread.setDaemon(true);
    thread.start();
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
