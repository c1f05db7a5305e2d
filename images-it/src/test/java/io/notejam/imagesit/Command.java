package io.notejam.imagesit;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * An external command run to completion, output (stdout and stderr together) kept for assertions.
 */
final class Command {
  record Result(int exitCode, String output) {
    boolean ok() {
      return exitCode == 0;
    }
  }

  private final List<String> argv;
  private final ProcessBuilder builder;

  private Command(List<String> argv) {
    this.argv = argv;
    this.builder = new ProcessBuilder(argv).redirectErrorStream(true);
  }

  static Command of(String... argv) {
    return new Command(List.of(argv));
  }

  static Command of(List<String> argv) {
    return new Command(new ArrayList<>(argv));
  }

  Command in(Path directory) {
    builder.directory(directory.toFile());
    return this;
  }

  Command env(Map<String, String> variables) {
    builder.environment().putAll(variables);
    return this;
  }

  Command withoutEnv(String... names) {
    for (String name : names) {
      builder.environment().remove(name);
    }
    return this;
  }

  /**
   * Runs the command; a command still running at the timeout is killed and reported as exit 124.
   */
  Result run(Duration timeout) {
    try {
      Path output = Files.createTempFile("command", ".out");
      try {
        builder.redirectOutput(output.toFile());
        Process process = builder.start();
        boolean finished = process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        if (!finished) {
          process.descendants().forEach(ProcessHandle::destroyForcibly);
          process.destroyForcibly().waitFor();
        }
        return new Result(finished ? process.exitValue() : 124, Files.readString(output));
      } finally {
        Files.deleteIfExists(output);
      }
    } catch (IOException e) {
      return new Result(127, argv.get(0) + ": " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while running " + argv, e);
    }
  }

  /** True when an executable of that name is on PATH. */
  static boolean onPath(String executable) {
    String path = System.getenv().getOrDefault("PATH", "");
    for (String directory : path.split(File.pathSeparator)) {
      if (Files.isExecutable(Path.of(directory, executable))) {
        return true;
      }
    }
    return false;
  }
}
