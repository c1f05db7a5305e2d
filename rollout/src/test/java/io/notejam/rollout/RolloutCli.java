package io.notejam.rollout;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/** Runs the real command line in-process, as {@code java -jar} would, and keeps what it printed. */
final class RolloutCli {
  static final AwsCredentialsProvider TEST_CREDENTIALS =
      StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test"));

  private RolloutCli() {}

  static Result run(String... args) {
    return run(TEST_CREDENTIALS, args);
  }

  static Result run(AwsCredentialsProvider credentials, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine command = RolloutCommand.commandLine(new RolloutCommand(credentials));
    command.setOut(new PrintWriter(out, true));
    command.setErr(new PrintWriter(err, true));
    int exitCode = command.execute(args);
    return new Result(exitCode, out.toString(), err.toString());
  }

  /** The usual arguments against an endpoint, followed by {@code extra}. */
  static String[] against(String endpoint, String cluster, String service, String... extra) {
    List<String> args =
        new ArrayList<>(
            List.of(
                "--endpoint-url", endpoint,
                "--region", "us-east-1",
                "--cluster", cluster,
                "--service", service));
    args.addAll(List.of(extra));
    return args.toArray(String[]::new);
  }

  record Result(int exitCode, String out, String err) {
    @Override
    public String toString() {
      return "exit " + exitCode + "\n--- stdout\n" + out + "--- stderr\n" + err;
    }
  }
}
