package io.notejam.rollout;

/** A failure that ends the run with a message for the user and a documented {@link ExitCode}. */
final class RolloutException extends RuntimeException {
  private final int exitCode;

  RolloutException(int exitCode, String message) {
    super(message);
    this.exitCode = exitCode;
  }

  int exitCode() {
    return exitCode;
  }
}
