package io.notejam.gateway.targets;

import io.netty.channel.EventLoopGroup;
import io.netty.util.NetUtil;
import io.notejam.albconfig.model.Action;
import io.notejam.albconfig.model.Arns;
import io.notejam.albconfig.model.Listener;
import io.notejam.albconfig.model.LoadBalancer;
import io.notejam.albconfig.model.Rule;
import io.notejam.albconfig.model.TargetGroup;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every target group of the load balancer, with their targets registered from the document (or from
 * overrides). DNS-named targets are re-resolved periodically: new addresses are registered,
 * vanished ones deregistered (and drained).
 */
public final class TargetRegistry implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(TargetRegistry.class);
  private final Map<String, TargetGroupRuntime> groups = new LinkedHashMap<>();
  private final ScheduledExecutorService resolver =
      Executors.newSingleThreadScheduledExecutor(
          runnable -> {
            Thread thread = new Thread(runnable, "gateway-dns");
            thread.setDaemon(true);
            return thread;
          });

  public TargetRegistry(
      LoadBalancer loadBalancer,
      Map<String, List<TargetSource>> overrides,
      EventLoopGroup eventLoops,
      Duration dnsRefresh) {
    Set<String> used = groupsInUse(loadBalancer);
    HealthChecker checker = new HealthChecker(eventLoops);
    for (TargetGroup config : loadBalancer.targetGroups()) {
      TargetGroupRuntime group =
          new TargetGroupRuntime(config, used.contains(config.name()), checker, eventLoops);
      groups.put(config.name(), group);
      List<TargetSource> sources =
          overrides.containsKey(config.name())
              ? overrides.get(config.name())
              : config.targets().stream().map(t -> new TargetSource(t.id(), t.port())).toList();
      for (TargetSource source : sources) {
        int port = source.port() != null ? source.port() : config.port();
        if (isIpAddress(source.host())) {
          group.register(source.host(), port);
        } else {
          DnsTarget dns = new DnsTarget(group, source.host(), port);
          dns.refresh();
          resolver.scheduleWithFixedDelay(
              dns::refresh, dnsRefresh.toMillis(), dnsRefresh.toMillis(), TimeUnit.MILLISECONDS);
        }
      }
    }
  }

  public static boolean isIpAddress(String host) {
    return NetUtil.isValidIpV4Address(host) || NetUtil.isValidIpV6Address(host);
  }

  public Optional<TargetGroupRuntime> byName(String name) {
    return Optional.ofNullable(groups.get(name));
  }

  /** The group an ARN names (its {@code targetgroup/<name>/} segment). */
  public Optional<TargetGroupRuntime> byArn(String arn) {
    String name = Arns.targetGroupNameOf(arn);
    return name == null ? Optional.empty() : byName(name).filter(g -> g.arn().equals(arn));
  }

  public List<TargetGroupRuntime> all() {
    return List.copyOf(groups.values());
  }

  @Override
  public void close() {
    resolver.shutdownNow();
    groups.values().forEach(TargetGroupRuntime::close);
  }

  private static Set<String> groupsInUse(LoadBalancer loadBalancer) {
    Set<String> used = new HashSet<>();
    for (Listener listener : loadBalancer.listeners()) {
      listener.defaultActions().forEach(action -> addGroups(action, used));
      for (Rule rule : listener.rules()) {
        rule.actions().forEach(action -> addGroups(action, used));
      }
    }
    return used;
  }

  private static void addGroups(Action action, Set<String> used) {
    action.forwardTargets().forEach(tuple -> used.add(tuple.groupName()));
  }

  /** A DNS name whose addresses are the group's targets, kept in step with the resolver. */
  private static final class DnsTarget {
    private final TargetGroupRuntime group;
    private final String host;
    private final int port;
    private Set<String> current = Set.of();

    DnsTarget(TargetGroupRuntime group, String host, int port) {
      this.group = group;
      this.host = host;
      this.port = port;
    }

    void refresh() {
      Set<String> resolved = new HashSet<>();
      try {
        for (InetAddress address : InetAddress.getAllByName(host)) {
          resolved.add(address.getHostAddress());
        }
      } catch (UnknownHostException e) {
        // Keep the last known addresses: a failed lookup is not a deregistration.
        LOG.warn("Target {} of group {} does not resolve: {}", host, group.name(), e.getMessage());
        return;
      }
      for (String address : resolved) {
        if (!current.contains(address)) {
          group.register(address, port);
        }
      }
      for (String address : current) {
        if (!resolved.contains(address)) {
          group.deregister(address, port);
        }
      }
      current = resolved;
    }
  }
}
