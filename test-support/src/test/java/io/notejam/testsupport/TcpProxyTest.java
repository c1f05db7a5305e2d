package io.notejam.testsupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import org.junit.jupiter.api.Test;

class TcpProxyTest {

  @Test
  void relaysBytesUntilCutAndAgainAfterRestore() throws Exception {
    try (ServerSocket echo = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        TcpProxy proxy = new TcpProxy("127.0.0.1", echo.getLocalPort())) {
      Thread server = new Thread(() -> echoForever(echo));
      server.setDaemon(true);
      server.start();

      assertEquals("ping", roundTrip(proxy.port(), "ping"));
      proxy.cut();
      assertThrows(ConnectException.class, () -> roundTrip(proxy.port(), "lost"));
      proxy.restore();
      assertEquals("back", roundTrip(proxy.port(), "back"));
    }
  }

  private static String roundTrip(int port, String text) throws IOException {
    try (Socket socket = new Socket("127.0.0.1", port)) {
      socket.setSoTimeout(5000);
      socket.getOutputStream().write(text.getBytes());
      byte[] reply = socket.getInputStream().readNBytes(text.length());
      return new String(reply);
    }
  }

  private static void echoForever(ServerSocket echo) {
    while (!echo.isClosed()) {
      try (Socket client = echo.accept();
          InputStream in = client.getInputStream();
          OutputStream out = client.getOutputStream()) {
        in.transferTo(out);
      } catch (IOException closed) {
        return;
      }
    }
  }
}
