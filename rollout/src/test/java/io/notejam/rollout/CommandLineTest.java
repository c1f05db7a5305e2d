package io.notejam.rollout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.profiles.ProfileFile;

/** What the command says before it talks to AWS: usage, image references, credentials. */
class CommandLineTest {
  private static final String UNUSED_ENDPOINT = "http://127.0.0.1:9";
  private static final String GOOD_IMAGE =
      "express=123456789012.dkr.ecr.eu-west-1.amazonaws.com/notejam-express:4f2c1e9";

  @ParameterizedTest
  @ValueSource(
      strings = {
        "express=123456789012.dkr.ecr.eu-west-1.amazonaws.com/notejam-express:4f2c1e9",
        "express=notejam-express:42",
        "xray-daemon=public.ecr.aws/xray/aws-xray-daemon:3.3.14",
        "app_1=localhost:5000/team/app-name:v1.2.3",
        "express=notejam-express@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef",
        "express=registry.example.com:8443/notejam-express:1@sha256:"
            + "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef",
      })
  void acceptsImageReferencesDockerAccepts(String argument) {
    ImageOverride image = ImageOverride.parse(argument);
    assertEquals(argument, image.container() + "=" + image.image());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "express",
        "=notejam-express:1",
        "express=",
        "express=Notejam-Express:1",
        "express=https://registry.example.com/notejam:1",
        "express=notejam-express",
        "express=notejam-express:",
        "express=notejam express:1",
        "express=notejam-express:bad/tag",
        "exp ress=notejam-express:1",
      })
  void rejectsMalformedImageArgumentsAsUsageErrors(String argument) {
    RolloutCli.Result result =
        RolloutCli.run(RolloutCli.against(UNUSED_ENDPOINT, "c", "s", "--image", argument));

    assertEquals(ExitCode.USAGE, result.exitCode(), result::toString);
    assertTrue(result.err().startsWith("rollout: "), result::toString);
    assertTrue(result.err().contains("--image"), result::toString);
    assertTrue(result.err().contains("Try 'rollout --help'"), result::toString);
    assertTrue(!result.err().contains("Usage:"), "one line and a hint, not the whole help");
    assertEquals("", result.out(), "nothing is attempted");
  }

  @Test
  void explainsWhyAnUntaggedImageIsRefused() {
    RolloutCli.Result result =
        RolloutCli.run(
            RolloutCli.against(UNUSED_ENDPOINT, "c", "s", "--image", "express=notejam-express"));

    assertTrue(result.err().contains("has no tag or digest"), result::toString);
  }

  @Test
  void refusesTwoImagesForOneContainer() {
    RolloutCli.Result result =
        RolloutCli.run(
            RolloutCli.against(
                UNUSED_ENDPOINT,
                "c",
                "s",
                "--image",
                GOOD_IMAGE,
                "--image",
                "express=notejam-express:2"));

    assertEquals(ExitCode.USAGE, result.exitCode(), result::toString);
    assertTrue(result.err().contains("more than one --image"), result::toString);
  }

  @Test
  void requiresClusterServiceAndImage() {
    RolloutCli.Result result = RolloutCli.run("--service", "s");

    assertEquals(ExitCode.USAGE, result.exitCode(), result::toString);
    assertTrue(result.err().contains("--cluster"), result::toString);
    assertTrue(result.err().contains("--image"), result::toString);
  }

  @Test
  void saysWhatToSetWhenNoCredentialsCanBeFound(@TempDir Path home) throws IOException {
    Path emptyConfig = Files.writeString(home.resolve("credentials"), "");
    var noCredentials =
        ProfileCredentialsProvider.builder()
            .profileFile(
                ProfileFile.builder()
                    .content(emptyConfig)
                    .type(ProfileFile.Type.CREDENTIALS)
                    .build())
            .profileName("default")
            .build();

    RolloutCli.Result result =
        RolloutCli.run(
            noCredentials, RolloutCli.against(UNUSED_ENDPOINT, "c", "s", "--image", GOOD_IMAGE));

    assertEquals(ExitCode.AWS_ERROR, result.exitCode(), result::toString);
    assertTrue(result.err().contains("no AWS credentials found"), result::toString);
    assertTrue(result.err().contains("AWS_ACCESS_KEY_ID"), result::toString);
  }

  @Test
  void reportsAnUnreachableEndpointWithoutAStackTrace() {
    RolloutCli.Result result =
        RolloutCli.run(RolloutCli.against(UNUSED_ENDPOINT, "c", "s", "--image", GOOD_IMAGE));

    assertEquals(ExitCode.AWS_ERROR, result.exitCode(), result::toString);
    assertTrue(result.err().startsWith("rollout: could not talk to ECS"), result::toString);
    assertTrue(!result.err().contains("\tat "), result::toString);
  }

  @Test
  void helpDocumentsTheExitCodes() {
    RolloutCli.Result result = RolloutCli.run("--help");

    assertEquals(ExitCode.DONE, result.exitCode());
    assertTrue(result.out().contains("Exit codes:"), result::toString);
    assertTrue(result.out().contains("4   cluster or service not found"), result::toString);
  }

  @ParameterizedTest
  @ValueSource(strings = {"--timeout=0s", "--poll-interval=forever", "--timeout=-5m"})
  void rejectsUnusableDurations(String option) {
    RolloutCli.Result result =
        RolloutCli.run(
            RolloutCli.against(UNUSED_ENDPOINT, "c", "s", "--image", GOOD_IMAGE, option));

    assertEquals(ExitCode.USAGE, result.exitCode(), result::toString);
  }

  @Test
  void readsShortAndIsoDurations() {
    DurationConverter converter = new DurationConverter();
    assertEquals(Duration.ofMillis(250), converter.convert("250ms"));
    assertEquals(Duration.ofMinutes(15), converter.convert("15m"));
    assertEquals(Duration.ofMinutes(15), converter.convert("PT15M"));
    assertEquals(Duration.ofHours(1), converter.convert("1h"));
  }
}
