package io.notejam.rollout;

import java.io.PrintWriter;
import java.net.URI;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.EcsClientBuilder;
import software.amazon.awssdk.services.ecs.model.ServiceNotActiveException;
import software.amazon.awssdk.services.ecs.model.ServiceNotFoundException;

/** {@code rollout}: moves an ECS service to new container images and waits for the outcome. */
@Command(
    name = "rollout",
    mixinStandardHelpOptions = true,
    version = "rollout 1.0",
    sortOptions = false,
    description = {
      "Registers the next revision of the service's task definition with only the given"
          + " containers' images changed, updates the service to it, and waits until ECS reports"
          + " the deployment COMPLETED, FAILED, or rolled back by the circuit breaker.",
      "A service that already runs the images is left alone, so re-running is safe.",
      "Credentials and region come from the usual AWS sources (environment, profile, role)."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:the service runs the images (deployed, or nothing to do)",
      "1:the deployment failed or was rolled back",
      "2:bad command line, image reference or container name",
      "3:timed out waiting (the deployment goes on; re-run to resume)",
      "4:cluster or service not found",
      "5:AWS unusable: no credentials or region, access denied, network or API error"
    })
public final class RolloutCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--cluster", required = true, description = "ECS cluster name or ARN.")
  String cluster;

  @Option(names = "--service", required = true, description = "ECS service name or ARN.")
  String service;

  @Option(
      names = "--image",
      required = true,
      paramLabel = "CONTAINER=IMAGE",
      converter = ImageOverrideConverter.class,
      description =
          "Container name in the task definition and the image it should run, with a tag"
              + " or digest. Repeat for several containers.")
  List<ImageOverride> images;

  @Option(
      names = "--timeout",
      defaultValue = "15m",
      converter = DurationConverter.class,
      description = "How long to wait for the deployment (default: ${DEFAULT-VALUE}).")
  Duration timeout;

  @Option(
      names = "--poll-interval",
      defaultValue = "15s",
      converter = DurationConverter.class,
      description = "How often to check the deployment (default: ${DEFAULT-VALUE}).")
  Duration pollInterval;

  @Option(
      names = "--no-wait",
      description = "Return once ECS has accepted the new revision, without waiting.")
  boolean noWait;

  @Option(names = "--region", description = "AWS region (default: from the environment/profile).")
  String region;

  @Option(
      names = "--endpoint-url",
      description = "ECS endpoint, for emulators (AWS_ENDPOINT_URL is honoured too).")
  URI endpointUrl;

  private final AwsCredentialsProvider credentials;

  /** The command as the jar runs it: credentials from the default AWS provider chain. */
  public RolloutCommand() {
    this(DefaultCredentialsProvider.builder().build());
  }

  RolloutCommand(AwsCredentialsProvider credentials) {
    this.credentials = credentials;
  }

  public static void main(String[] args) {
    System.exit(commandLine(new RolloutCommand()).execute(args));
  }

  /** The command line as users get it: a bad option is one line and a hint, not the whole help. */
  static CommandLine commandLine(RolloutCommand command) {
    CommandLine commandLine = new CommandLine(command);
    commandLine.setParameterExceptionHandler(
        (error, args) -> {
          PrintWriter err = error.getCommandLine().getErr();
          err.println("rollout: " + error.getMessage());
          err.println("Try 'rollout --help' for the options and exit codes.");
          err.flush();
          return ExitCode.USAGE;
        });
    return commandLine;
  }

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    try {
      checkDistinctContainers();
      Optional<Pacing> pacing =
          noWait ? Optional.empty() : Optional.of(new Pacing(pollInterval, timeout));
      try (EcsClient ecs = client()) {
        new ServiceRollout(ecs, cluster, service, out).run(images, pacing);
      }
      return ExitCode.DONE;
    } catch (RolloutException e) {
      err.println("rollout: " + e.getMessage());
      return e.exitCode();
    } catch (ServiceNotFoundException | ServiceNotActiveException e) {
      err.println("rollout: service '" + service + "' not found in cluster '" + cluster + "'");
      return ExitCode.NOT_FOUND;
    } catch (AwsServiceException e) {
      err.println(
          "rollout: ECS refused "
              + e.awsErrorDetails().errorCode()
              + ": "
              + e.awsErrorDetails().errorMessage());
      return ExitCode.AWS_ERROR;
    } catch (SdkClientException e) {
      err.println("rollout: could not talk to ECS: " + e.getMessage());
      return ExitCode.AWS_ERROR;
    } finally {
      err.flush();
    }
  }

  private void checkDistinctContainers() {
    Set<String> seen = new HashSet<>();
    for (ImageOverride image : images) {
      if (!seen.add(image.container())) {
        throw new RolloutException(
            ExitCode.USAGE, "container '" + image.container() + "' is given more than one --image");
      }
    }
  }

  private EcsClient client() {
    EcsClientBuilder builder =
        EcsClient.builder()
            .httpClient(UrlConnectionHttpClient.create())
            .region(resolveRegion())
            .credentialsProvider(checkedCredentials());
    if (endpointUrl != null) {
      builder.endpointOverride(endpointUrl);
    }
    return builder.build();
  }

  private Region resolveRegion() {
    if (region != null) {
      return Region.of(region);
    }
    try {
      return new DefaultAwsRegionProviderChain().getRegion();
    } catch (SdkClientException e) {
      throw new RolloutException(
          ExitCode.AWS_ERROR, "no AWS region: pass --region or set AWS_REGION");
    }
  }

  /** Fails before any call when no credentials can be found, with what to set instead. */
  private AwsCredentialsProvider checkedCredentials() {
    try {
      credentials.resolveCredentials();
      return credentials;
    } catch (SdkClientException e) {
      throw new RolloutException(
          ExitCode.AWS_ERROR,
          "no AWS credentials found: set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, or"
              + " AWS_PROFILE, or run with an IAM role");
    }
  }
}
