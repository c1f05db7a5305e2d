package io.notejam.gateway.targets;

import java.net.InetSocketAddress;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One registered {@code ip:port} and its health state machine: {@code initial} → {@code healthy}
 * after one passing check; {@code healthy} → {@code unhealthy} after UnhealthyThresholdCount
 * consecutive failures; back after HealthyThresholdCount consecutive passes.
 */
public final class Target {
  private final String id;
  private final int port;
  private final InetSocketAddress address;
  private final String hostAndPort;
  private final AtomicInteger inFlight = new AtomicInteger();
  private final Set<Runnable> inFlightAborts = ConcurrentHashMap.newKeySet();
  // read lock-free by every request; written under the lock by health checks and registration
  private volatile TargetHealth health;
  private int passes;
  private int failures;
  private long slowStartFromNanos = -1;
  private Future<?> probes;

  Target(String id, int port, TargetHealth initial) {
    this.id = id;
    this.port = port;
    this.address = new InetSocketAddress(id, port);
    this.hostAndPort = (id.contains(":") ? "[" + id + "]" : id) + ":" + port;
    this.health = initial;
  }

  public String id() {
    return id;
  }

  public int port() {
    return port;
  }

  public InetSocketAddress address() {
    return address;
  }

  /** {@code ip:port}, as the access log writes a target. */
  public String hostAndPort() {
    return hostAndPort;
  }

  public TargetHealth health() {
    return health;
  }

  public boolean isDraining() {
    return health.state() == TargetState.DRAINING;
  }

  /** Healthy, or health checks off: routable without falling open. */
  boolean isRoutable() {
    TargetState state = health.state();
    return state == TargetState.HEALTHY || state == TargetState.UNAVAILABLE;
  }

  /** Records a passing check; returns true when the target just became healthy. */
  synchronized boolean recordPass(int healthyThreshold) {
    failures = 0;
    passes++;
    TargetState state = health.state();
    if (state == TargetState.INITIAL
        || (state == TargetState.UNHEALTHY && passes >= healthyThreshold)) {
      health = TargetHealth.HEALTHY;
      return true;
    }
    return false;
  }

  /** Records a failed check with its reason. */
  synchronized void recordFailure(TargetHealth failure, int unhealthyThreshold) {
    passes = 0;
    failures++;
    TargetState state = health.state();
    if (state == TargetState.UNHEALTHY) {
      health = failure;
    } else if ((state == TargetState.HEALTHY || state == TargetState.INITIAL)
        && failures >= unhealthyThreshold) {
      health = failure;
      slowStartFromNanos = -1;
    } else if (state == TargetState.INITIAL) {
      health = TargetHealth.INITIAL_CHECKS;
    }
  }

  synchronized void markChecking() {
    if (health == TargetHealth.REGISTERING) {
      health = TargetHealth.INITIAL_CHECKS;
    }
  }

  synchronized void setHealth(TargetHealth health) {
    this.health = health;
    passes = 0;
    failures = 0;
    if (health.state() != TargetState.HEALTHY) {
      slowStartFromNanos = -1;
    }
  }

  synchronized void startSlowStart(long nowNanos) {
    slowStartFromNanos = nowNanos;
  }

  /** Share of full traffic in slow start, 1 when not ramping. */
  synchronized double rampFactor(long nowNanos, long durationNanos) {
    if (slowStartFromNanos < 0 || durationNanos <= 0) {
      return 1;
    }
    double elapsed = (double) (nowNanos - slowStartFromNanos) / durationNanos;
    if (elapsed >= 1) {
      slowStartFromNanos = -1;
      return 1;
    }
    return Math.max(0.01, elapsed);
  }

  synchronized boolean inSlowStart() {
    return slowStartFromNanos >= 0;
  }

  synchronized void setProbes(Future<?> probes) {
    this.probes = probes;
  }

  synchronized void stopProbes() {
    if (probes != null) {
      probes.cancel(false);
      probes = null;
    }
  }

  public int inFlight() {
    return inFlight.get();
  }

  /**
   * Counts a request sent to this target; {@code abort} runs if the target is drained with it still
   * open.
   */
  public void requestStarted(Runnable abort) {
    inFlight.incrementAndGet();
    inFlightAborts.add(abort);
  }

  public void requestFinished(Runnable abort) {
    if (inFlightAborts.remove(abort)) {
      inFlight.decrementAndGet();
    }
  }

  void abortInFlight() {
    for (Runnable abort : Set.copyOf(inFlightAborts)) {
      abort.run();
    }
  }

  @Override
  public String toString() {
    return hostAndPort();
  }
}
