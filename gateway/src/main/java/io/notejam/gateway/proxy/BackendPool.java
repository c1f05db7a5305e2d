package io.notejam.gateway.proxy;

import io.netty.channel.Channel;
import io.netty.util.concurrent.FastThreadLocal;
import java.net.InetSocketAddress;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;

/**
 * Idle keep-alive connections to targets, one pool per event loop (a client connection and its
 * target connections share a thread, so the pool needs no locks). Connections are reused unless the
 * target said {@code Connection: close}; one closed by the target leaves the pool.
 */
final class BackendPool {
  private static final int MAX_IDLE_PER_TARGET = 512;
  private final FastThreadLocal<Map<InetSocketAddress, ArrayDeque<Channel>>> idle =
      new FastThreadLocal<>() {
        @Override
        protected Map<InetSocketAddress, ArrayDeque<Channel>> initialValue() {
          return new HashMap<>();
        }
      };

  /** An open idle connection to {@code target}, or null. */
  Channel poll(InetSocketAddress target) {
    ArrayDeque<Channel> channels = idle.get().get(target);
    if (channels == null) {
      return null;
    }
    Channel channel;
    while ((channel = channels.pollLast()) != null) {
      if (channel.isActive()) {
        return channel;
      }
    }
    return null;
  }

  /** Returns a connection whose exchange is complete; must run on the connection's event loop. */
  void offer(InetSocketAddress target, Channel channel) {
    ArrayDeque<Channel> channels = idle.get().computeIfAbsent(target, key -> new ArrayDeque<>());
    if (channels.size() >= MAX_IDLE_PER_TARGET || !channel.isActive()) {
      channel.close();
      return;
    }
    channels.addLast(channel);
  }

  /** Forgets a connection that closed while idle. */
  void forget(InetSocketAddress target, Channel channel) {
    ArrayDeque<Channel> channels = idle.get().get(target);
    if (channels != null) {
      channels.remove(channel);
    }
  }
}
