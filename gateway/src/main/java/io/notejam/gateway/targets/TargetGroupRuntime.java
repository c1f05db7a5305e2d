package io.notejam.gateway.targets;

import io.netty.util.concurrent.EventExecutorGroup;
import io.notejam.albconfig.model.Arns;
import io.notejam.albconfig.model.TargetGroup;
import io.notejam.albconfig.model.TargetGroupAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A target group at run time: its registered targets, their health, and the choice of a target for
 * a request (healthy ones; every registered one when too few are healthy; none → 503).
 */
public final class TargetGroupRuntime {
  private final TargetGroup config;
  private final String arn;
  private final TargetGroup.HealthCheck healthCheck;
  private final boolean inUse;
  private final String algorithm;
  private final long slowStartNanos;
  private final long deregistrationDelayMillis;
  private final int minHealthyCount;
  private final String minHealthyPercentage;
  private final boolean stickinessEnabled;
  private final boolean appCookieStickiness;
  private final CopyOnWriteArrayList<Target> targets = new CopyOnWriteArrayList<>();
  private final AtomicLong counter = new AtomicLong();
  private final HealthChecker checker;
  private final EventExecutorGroup scheduler;

  public TargetGroupRuntime(
      TargetGroup config, boolean inUse, HealthChecker checker, EventExecutorGroup scheduler) {
    this.config = config;
    this.arn = Arns.targetGroupArn(config.name());
    this.healthCheck = config.healthCheck();
    this.inUse = inUse;
    this.algorithm = config.attribute(TargetGroupAttributes.ALGORITHM);
    this.slowStartNanos =
        TimeUnit.SECONDS.toNanos(
            Long.parseLong(config.attribute(TargetGroupAttributes.SLOW_START)));
    this.deregistrationDelayMillis =
        TimeUnit.SECONDS.toMillis(
            Long.parseLong(config.attribute(TargetGroupAttributes.DEREGISTRATION_DELAY)));
    this.minHealthyCount =
        Integer.parseInt(config.attribute(TargetGroupAttributes.MIN_HEALTHY_COUNT));
    this.minHealthyPercentage = config.attribute(TargetGroupAttributes.MIN_HEALTHY_PERCENTAGE);
    this.stickinessEnabled =
        "true".equals(config.attribute(TargetGroupAttributes.STICKINESS_ENABLED));
    this.appCookieStickiness =
        TargetGroupAttributes.APP_COOKIE.equals(
            config.attribute(TargetGroupAttributes.STICKINESS_TYPE));
    this.checker = checker;
    this.scheduler = scheduler;
  }

  /** {@code stickiness.enabled}, read once: every forward asks. */
  public boolean stickinessEnabled() {
    return stickinessEnabled;
  }

  /** Whether {@code stickiness.type} is {@code app_cookie} (else {@code lb_cookie}). */
  public boolean appCookieStickiness() {
    return appCookieStickiness;
  }

  public String name() {
    return config.name();
  }

  public String arn() {
    return arn;
  }

  public TargetGroup config() {
    return config;
  }

  public TargetGroup.HealthCheck healthCheck() {
    return healthCheck;
  }

  public List<Target> targets() {
    return List.copyOf(targets);
  }

  public Optional<Target> find(String id, int port) {
    return targets.stream().filter(t -> t.id().equals(id) && t.port() == port).findFirst();
  }

  /** Registers {@code id:port} (a draining target comes back as new); returns the target. */
  public synchronized Target register(String id, int port) {
    Optional<Target> existing = find(id, port);
    if (existing.isPresent() && !existing.get().isDraining()) {
      return existing.get();
    }
    existing.ifPresent(this::remove);
    TargetHealth initial =
        !inUse
            ? TargetHealth.NOT_IN_USE
            : !healthCheck.enabled() ? TargetHealth.CHECKS_DISABLED : TargetHealth.REGISTERING;
    Target target = new Target(id, port, initial);
    targets.add(target);
    if (inUse && healthCheck.enabled()) {
      target.setProbes(checker.watch(this, target));
    }
    return target;
  }

  /**
   * Stops new requests to the target at once; it reads {@code draining} for the deregistration
   * delay, then leaves the group, and requests still in flight then get 502.
   */
  public synchronized boolean deregister(String id, int port) {
    Optional<Target> found = find(id, port);
    if (found.isEmpty() || found.get().isDraining()) {
      return found.isPresent();
    }
    Target target = found.get();
    target.stopProbes();
    target.setHealth(TargetHealth.DRAINING);
    if (deregistrationDelayMillis == 0) {
      remove(target);
    } else {
      scheduler.schedule(() -> remove(target), deregistrationDelayMillis, TimeUnit.MILLISECONDS);
    }
    return true;
  }

  private synchronized void remove(Target target) {
    target.stopProbes();
    if (targets.remove(target)) {
      target.abortInFlight();
    }
  }

  /** Called by the health checker after each probe. */
  void onProbe(Target target, TargetHealth failure) {
    if (!targets.contains(target) || target.isDraining()) {
      return;
    }
    if (failure == null) {
      boolean becameHealthy = target.recordPass(healthCheck.healthyThreshold());
      if (becameHealthy && slowStartNanos > 0 && anotherHealthyOutsideSlowStart(target)) {
        target.startSlowStart(System.nanoTime());
      }
    } else {
      target.recordFailure(failure, healthCheck.unhealthyThreshold());
    }
  }

  private boolean anotherHealthyOutsideSlowStart(Target target) {
    for (Target other : targets) {
      if (other != target && other.isRoutable() && !other.inSlowStart()) {
        return true;
      }
    }
    return false;
  }

  /**
   * A target for a request, or empty when no target is registered (the caller answers 503).
   *
   * @param sticky a target named by a stickiness cookie; kept when it may still receive traffic
   */
  public Optional<Target> select(Target sticky) {
    List<Target> registered = new ArrayList<>(targets.size());
    List<Target> healthy = new ArrayList<>(targets.size());
    for (Target target : targets) {
      if (target.isDraining() || target.health().state() == TargetState.UNUSED) {
        continue;
      }
      registered.add(target);
      if (target.isRoutable()) {
        healthy.add(target);
      }
    }
    if (registered.isEmpty()) {
      return Optional.empty();
    }
    List<Target> candidates =
        healthy.size() >= minimumHealthy(registered.size()) ? healthy : registered;
    if (sticky != null && candidates.contains(sticky)) {
      return Optional.of(sticky);
    }
    return Optional.of(choose(candidates));
  }

  /**
   * True when the sticky target may keep its session (registered, not draining, routable or failing
   * open).
   */
  public boolean canKeep(Target target) {
    return targets.contains(target) && select(target).map(t -> t == target).orElse(false);
  }

  private int minimumHealthy(int registered) {
    int threshold = Math.max(1, minHealthyCount);
    if (!"off".equals(minHealthyPercentage)) {
      int percent = Integer.parseInt(minHealthyPercentage);
      threshold = Math.max(threshold, (int) Math.ceil(registered * percent / 100.0));
    }
    return threshold;
  }

  private Target choose(List<Target> candidates) {
    int size = candidates.size();
    if (size == 1) {
      return candidates.get(0);
    }
    if (slowStartNanos > 0) {
      Target ramping = weightedBySlowStart(candidates);
      if (ramping != null) {
        return ramping;
      }
    }
    int offset = (int) Math.floorMod(counter.getAndIncrement(), (long) size);
    return switch (algorithm) {
      case TargetGroupAttributes.LEAST_OUTSTANDING_REQUESTS -> leastOutstanding(candidates, offset);
      case TargetGroupAttributes.WEIGHTED_RANDOM ->
          candidates.get(ThreadLocalRandom.current().nextInt(size));
      default -> candidates.get(offset);
    };
  }

  private static Target leastOutstanding(List<Target> candidates, int offset) {
    Target best = null;
    int size = candidates.size();
    for (int i = 0; i < size; i++) {
      Target target = candidates.get((offset + i) % size);
      if (best == null || target.inFlight() < best.inFlight()) {
        best = target;
      }
    }
    return best;
  }

  /** Weighted random over the candidates while any of them ramps up; null when none does. */
  private Target weightedBySlowStart(List<Target> candidates) {
    long now = System.nanoTime();
    double[] weights = new double[candidates.size()];
    double total = 0;
    boolean ramping = false;
    for (int i = 0; i < weights.length; i++) {
      weights[i] = candidates.get(i).rampFactor(now, slowStartNanos);
      ramping |= weights[i] < 1;
      total += weights[i];
    }
    if (!ramping) {
      return null;
    }
    double pick = ThreadLocalRandom.current().nextDouble(total);
    for (int i = 0; i < weights.length; i++) {
      pick -= weights[i];
      if (pick < 0) {
        return candidates.get(i);
      }
    }
    return candidates.get(weights.length - 1);
  }

  public void close() {
    for (Target target : targets) {
      target.stopProbes();
    }
  }
}
