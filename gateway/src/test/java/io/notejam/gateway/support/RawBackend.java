package io.notejam.gateway.support;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A target that misbehaves on purpose, over a raw socket: each accepted connection gets the request
 * head read and then whatever {@link Behaviour} says (garbage, a hang, a reset …).
 */
public final class RawBackend implements AutoCloseable {
  /** What the target does after reading the request head. */
  public interface Behaviour {
    void on(Socket socket, String requestHead) throws IOException, InterruptedException;
  }

  private final ServerSocket server;
  private final ExecutorService threads = Executors.newCachedThreadPool();

  public RawBackend(Behaviour behaviour) throws IOException {
    this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    threads.execute(
        () -> {
          while (!server.isClosed()) {
            try {
              Socket socket = server.accept();
              threads.execute(
                  () -> {
                    try (socket) {
                      String head = readHead(socket.getInputStream());
                      if (head.startsWith("GET /health")) {
                        socket
                            .getOutputStream()
                            .write("HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n".getBytes());
                        return;
                      }
                      behaviour.on(socket, head);
                    } catch (IOException | InterruptedException e) {
                      // the gateway hung up: nothing to do
                    }
                  });
            } catch (IOException e) {
              return;
            }
          }
        });
  }

  private static String readHead(InputStream in) throws IOException {
    StringBuilder head = new StringBuilder();
    int c;
    while ((c = in.read()) != -1) {
      head.append((char) c);
      if (head.length() >= 4 && head.substring(head.length() - 4).equals("\r\n\r\n")) {
        break;
      }
    }
    return head.toString();
  }

  public int port() {
    return server.getLocalPort();
  }

  public static void write(Socket socket, String text) throws IOException {
    socket.getOutputStream().write(text.getBytes(StandardCharsets.ISO_8859_1));
    socket.getOutputStream().flush();
  }

  @Override
  public void close() throws IOException {
    server.close();
    threads.shutdownNow();
  }
}
