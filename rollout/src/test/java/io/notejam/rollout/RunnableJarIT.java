package io.notejam.rollout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The packaged jar, run the way CI runs it ({@code java -jar rollout/target/rollout-*.jar}): it
 * starts, its exit codes reach the shell, and it reads the AWS settings from the environment.
 */
class RunnableJarIT {
  private static Path jar;

  @BeforeAll
  static void findJar() throws IOException {
    try (Stream<Path> files = Files.list(Path.of("target"))) {
      List<Path> jars =
          files.filter(f -> f.getFileName().toString().matches("rollout-.*\\.jar")).toList();
      assertEquals(1, jars.size(), "exactly one jar matches CI's rollout/target/rollout-*.jar");
      jar = jars.get(0);
    }
  }

  @Test
  void printsTheHelpWithTheExitCodes() throws Exception {
    Run run = java(Map.of(), "--help");

    assertEquals(0, run.exitCode(), run.output());
    assertTrue(run.output().contains("Exit codes:"), run.output());
  }

  @Test
  void exitsWithTheUsageCodeOnABadImage() throws Exception {
    Run run = java(Map.of(), "--cluster", "c", "--service", "s", "--image", "express=Bad:1");

    assertEquals(ExitCode.USAGE, run.exitCode(), run.output());
    assertTrue(run.output().startsWith("rollout: "), run.output());
  }

  @Test
  void rollsOutWithEndpointRegionAndCredentialsFromTheEnvironment() throws Exception {
    EmulatedService emulated = EmulatedService.create();

    Run run =
        java(
            Map.of(
                "AWS_ENDPOINT_URL", emulated.endpoint(),
                "AWS_REGION", "us-east-1",
                "AWS_ACCESS_KEY_ID", "test",
                "AWS_SECRET_ACCESS_KEY", "test"),
            "--cluster",
            emulated.cluster(),
            "--service",
            EmulatedService.SERVICE,
            "--image",
            "express=" + EmulatedService.NEW_IMAGE,
            "--no-wait");

    assertEquals(0, run.exitCode(), run.output());
    assertTrue(run.output().contains("registered " + emulated.family() + ":2"), run.output());
    assertEquals(
        emulated.family() + ":2", DeploymentWatch.shortName(emulated.currentTaskDefinition()));
  }

  private record Run(int exitCode, String output) {}

  private static Run java(Map<String, String> environment, String... args) throws Exception {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-jar");
    command.add(jar.toString());
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().keySet().removeIf(name -> name.startsWith("AWS_"));
    builder.environment().putAll(environment);
    Process process = builder.start();
    process.getOutputStream().close();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(process.waitFor(2, TimeUnit.MINUTES), "finished");
    return new Run(process.exitValue(), output);
  }
}
