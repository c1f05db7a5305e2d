package io.notejam.rollout;

/** The process exit codes of {@code rollout}, so CI (and people) can tell failures apart. */
public final class ExitCode {
  /**
   * The service runs the requested images: the deployment completed, or there was nothing to do.
   */
  public static final int DONE = 0;

  /** The deployment failed: ECS marked it FAILED or the circuit breaker rolled it back. */
  public static final int DEPLOYMENT_FAILED = 1;

  /** Bad command line: unknown option, malformed image reference, unknown container name. */
  public static final int USAGE = 2;

  /** The deployment did not finish in time; it goes on in ECS and a re-run resumes waiting. */
  public static final int TIMED_OUT = 3;

  /** The cluster or the service does not exist (or the service is not active). */
  public static final int NOT_FOUND = 4;

  /** AWS could not be used: no credentials or region, access denied, network or API errors. */
  public static final int AWS_ERROR = 5;

  private ExitCode() {}
}
