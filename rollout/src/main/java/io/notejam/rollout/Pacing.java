package io.notejam.rollout;

import java.time.Duration;

/** How often to look at the deployment and how long to wait for it. */
record Pacing(Duration pollInterval, Duration timeout) {
  Pacing {
    if (pollInterval.isNegative() || pollInterval.isZero()) {
      throw new RolloutException(ExitCode.USAGE, "--poll-interval must be positive");
    }
    if (timeout.isNegative() || timeout.isZero()) {
      throw new RolloutException(ExitCode.USAGE, "--timeout must be positive");
    }
  }
}
