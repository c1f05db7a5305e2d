package io.notejam.imagesit;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * {@code ./notejam up} as a person uses it: start, open the two apps, Ctrl-C, nothing left over.
 */
class LauncherTest {
  private static final Pattern REFUSED =
      Pattern.compile("(express-svc|flask-svc) exited during start; its log: \\S*/logs/\\1\\.log");
  private static final Duration UP_TIMEOUT = Duration.ofMinutes(5);
  private static final String[] DATABASE_VARIABLES = {
    "DATABASE_ENDPOINT", "DATABASE_USERNAME", "DATABASE_PASSWORD", "DATABASE_SCHEMA"
  };

  private final HttpClient browser =
      HttpClient.newBuilder()
          .followRedirects(HttpClient.Redirect.NORMAL)
          .connectTimeout(Duration.ofSeconds(5))
          .build();

  @Test
  void upServesBothSignInPagesThroughTheGatewayAndCtrlCStopsAllThree() throws Exception {
    assertBuilt();
    Launch launch = new Launch("up", Map.of());
    launch.awaitOutput("notejam is up");
    List<ProcessHandle> services = launch.process.descendants().toList();
    assertEquals(3, services.stream().filter(LauncherTest::isJava).count(), "three JVMs");

    HttpResponse<String> express =
        browser.send(launch.get("/"), HttpResponse.BodyHandlers.ofString());
    HttpResponse<String> flask =
        browser.send(launch.get("/flask"), HttpResponse.BodyHandlers.ofString());
    assertAll(
        () -> assertEquals(200, express.statusCode()),
        () -> assertEquals("/express/signin", express.uri().getPath()),
        () -> assertTrue(express.body().contains("Sign In"), express.body()),
        () -> assertEquals(200, flask.statusCode()),
        () -> assertEquals("/flask/signin/", flask.uri().getPath()),
        () -> assertTrue(flask.body().contains("Sign In"), flask.body()),
        () -> assertTrue(flask.body().contains("csrf_token"), "the Flask form, not Express'"));

    launch.signal("INT");
    assertEquals(0, launch.awaitExit(), launch.output());
    assertAll(
        () -> assertTrue(services.stream().noneMatch(ProcessHandle::isAlive), "no orphans"),
        () -> assertFalse(launch.listening(launch.gatewayPort), "gateway port released"),
        () -> assertTrue(launch.output().contains("stopped; data kept")),
        () -> assertTrue(h2Files(launch.runDir.resolve("data")) >= 2, "each app's H2 file kept"));
  }

  @Test
  void aPortInUseIsNamedWithItsServiceAndNothingStarts() throws Exception {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      Launch launch =
          new Launch("port-taken", Map.of("FLASK_PORT", String.valueOf(taken.getLocalPort())));
      assertEquals(1, launch.awaitExit(), launch.output());
      assertTrue(
          launch
              .output()
              .contains(
                  "flask-svc cannot start: port " + taken.getLocalPort() + " is already in use"),
          launch.output());
      assertEquals(0, launch.process.descendants().count());
    }
  }

  @Test
  void aServiceThatFailsToStartIsNamedWithItsLogAndTheOthersAreStopped() throws Exception {
    assertBuilt();
    // Production mode without the session secret: the apps refuse to start, by design.
    Launch launch = new Launch("refused", Map.of("ENVIRONMENT", "production"));
    List<ProcessHandle> started = launch.awaitDescendants();
    assertEquals(1, launch.awaitExit(), launch.output());
    assertAll(
        () ->
            assertTrue(
                REFUSED.matcher(launch.output()).find(),
                "names the app (whichever died first) and its log:\n" + launch.output()),
        () -> assertTrue(started.stream().noneMatch(ProcessHandle::isAlive), "others stopped"));
  }

  private static void assertBuilt() {
    Command.Result build = StackBuild.run();
    assertTrue(build.ok(), "build failed:\n" + build.output());
  }

  private static boolean isJava(ProcessHandle process) {
    return process.info().command().map(command -> command.endsWith("/java")).orElse(false);
  }

  private static long h2Files(Path dataDir) throws IOException {
    try (Stream<Path> files = Files.list(dataDir)) {
      return files.filter(file -> file.toString().endsWith(".mv.db")).count();
    }
  }

  /** One run of the launcher on free ports with its own run directory. */
  private static final class Launch {
    final Path runDir;
    final Path outputFile;
    final int gatewayPort = FreePorts.next();
    final Process process;

    Launch(String name, Map<String, String> extraEnv) throws IOException {
      runDir = Repo.WORK.resolve("launcher-" + name);
      deleteRecursively(runDir);
      Files.createDirectories(runDir);
      outputFile = runDir.resolve("launcher.out");
      ProcessBuilder builder =
          new ProcessBuilder(Repo.file("notejam").toString(), "up")
              .directory(Repo.ROOT.toFile())
              .redirectErrorStream(true)
              .redirectOutput(outputFile.toFile())
              .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
      Map<String, String> env = builder.environment();
      for (String variable : DATABASE_VARIABLES) {
        env.remove(variable);
      }
      env.remove("NOTEJAM_SESSION_SECRET");
      env.put("JAVA_HOME", System.getProperty("java.home"));
      env.put("NOTEJAM_RUN_DIR", runDir.toString());
      env.put("EXPRESS_PORT", String.valueOf(FreePorts.next()));
      env.put("FLASK_PORT", String.valueOf(FreePorts.next()));
      env.put("GATEWAY_PORT", String.valueOf(gatewayPort));
      env.putAll(new HashMap<>(extraEnv));
      process = builder.start();
    }

    HttpRequest get(String path) {
      return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + gatewayPort + path))
          .timeout(Duration.ofSeconds(20))
          .build();
    }

    String output() {
      try {
        return Files.readString(outputFile);
      } catch (IOException e) {
        return e.toString();
      }
    }

    void awaitOutput(String text) throws InterruptedException {
      long deadline = System.nanoTime() + UP_TIMEOUT.toNanos();
      while (!output().contains(text)) {
        if (!process.isAlive() || System.nanoTime() > deadline) {
          signal("TERM");
          fail("no '" + text + "' from ./notejam up:\n" + output());
        }
        Thread.sleep(250);
      }
    }

    /** The JVMs the launcher started, once all three are there (or it already gave up). */
    List<ProcessHandle> awaitDescendants() throws InterruptedException {
      long deadline = System.nanoTime() + UP_TIMEOUT.toNanos();
      List<ProcessHandle> jvms = List.of();
      while (process.isAlive() && System.nanoTime() < deadline) {
        jvms = process.descendants().filter(LauncherTest::isJava).toList();
        if (jvms.size() == 3) {
          break;
        }
        Thread.sleep(100);
      }
      return jvms;
    }

    void signal(String signal) {
      Command.of("kill", "-" + signal, String.valueOf(process.pid())).run(Duration.ofSeconds(5));
    }

    int awaitExit() throws InterruptedException {
      if (!process.waitFor(UP_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        fail("./notejam did not exit:\n" + output());
      }
      return process.exitValue();
    }

    boolean listening(int port) {
      try (Socket ignored = new Socket(InetAddress.getLoopbackAddress(), port)) {
        return true;
      } catch (IOException e) {
        return false;
      }
    }
  }

  private static void deleteRecursively(Path directory) throws IOException {
    if (Files.exists(directory)) {
      try (Stream<Path> paths = Files.walk(directory)) {
        for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
          Files.delete(path);
        }
      }
    }
  }
}
