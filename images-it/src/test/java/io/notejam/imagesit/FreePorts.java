package io.notejam.imagesit;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Listening ports for servers this module starts. Taken below Linux's ephemeral range (32768+): a
 * port the kernel handed out and we closed can be reused by any outgoing connection on a busy
 * machine before our server binds it, a port below that range only by another listener.
 */
final class FreePorts {
  private static final int LOWEST = 20000;
  private static final int HIGHEST = 32767;
  private static final Set<Integer> HANDED_OUT = new HashSet<>();

  static synchronized int next() {
    for (int attempt = 0; attempt < 1000; attempt++) {
      int port = ThreadLocalRandom.current().nextInt(LOWEST, HIGHEST + 1);
      if (!HANDED_OUT.contains(port) && bindable(port)) {
        HANDED_OUT.add(port);
        return port;
      }
    }
    throw new IllegalStateException("no free port between " + LOWEST + " and " + HIGHEST);
  }

  private static boolean bindable(int port) {
    try (ServerSocket socket = new ServerSocket()) {
      socket.bind(new InetSocketAddress(port)); // the wildcard address, as the services bind
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  private FreePorts() {}
}
