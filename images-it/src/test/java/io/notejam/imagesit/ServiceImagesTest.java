package io.notejam.imagesit;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The production image recipe (root pom's Jib configuration) yields images that start and answer
 * {@code /health}. With a Docker engine the images are built with the real base image and run
 * through Testcontainers; without one, but with podman, they are built against an offline jlinked
 * JRE base ({@code jre-base-image.sh}, {@code -Djib.from.image=tar://…}) and run with podman.
 * Neither: skipped visibly.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ServiceImagesTest {
  private static final Duration START_TIMEOUT = Duration.ofSeconds(120);

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
  private final List<ContainerEngine.Running> started = new ArrayList<>();
  private ContainerEngine engine;
  private ContainerEngine.Running express;

  @BeforeAll
  void chooseEngine() {
    engine = StackBuild.engine();
  }

  @AfterAll
  void stopContainers() {
    started.forEach(ContainerEngine.Running::stop);
  }

  @Test
  @Order(1)
  void expressImageStartsAndAnswersHealth() {
    express = start("express-svc", 3000, Map.of());
  }

  @Test
  @Order(2)
  void flaskImageStartsAndAnswersHealth() {
    start("flask-svc", 5000, Map.of());
  }

  @Test
  @Order(3)
  void gatewayImageServesTheRoutingFileInFrontOfTheExpressImage() {
    assumeTrue(express != null, "the express-svc image did not start");
    // /health is not the gateway's own: it is routed by the default rule to the Express target.
    start(
        "gateway",
        8080,
        Map.of(
            "GATEWAY_CONFIG", ContainerEngine.ROUTING_FILE_IN_CONTAINER,
            "GATEWAY_TARGETS_EXPRESS", express.addressForOtherContainers(),
            "GATEWAY_TARGETS_FLASK", express.addressForOtherContainers()));
  }

  private ContainerEngine.Running start(String service, int port, Map<String, String> env) {
    assumeTrue(
        engine != null,
        "neither a Docker engine nor podman+runc here: service images not started"
            + " (apt-get install --no-install-recommends podman runc)");
    Command.Result build = StackBuild.run();
    assertTrue(build.ok(), "image build failed:\n" + build.output());
    ContainerEngine.Running running = engine.run(service, port, env);
    started.add(running);
    URI health = running.url("/health");
    long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
    String last = "no answer";
    while (System.nanoTime() < deadline) {
      if (!running.isRunning()) {
        fail(service + " container exited:\n" + running.logs());
      }
      try {
        HttpResponse<String> response =
            http.send(
                HttpRequest.newBuilder(health).timeout(Duration.ofSeconds(2)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() == 200) {
          return running;
        }
        last = response.statusCode() + " " + response.body();
      } catch (java.io.IOException e) {
        last = e.toString();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
      sleep();
    }
    return fail(
        service
            + " did not answer 200 on "
            + health
            + " within "
            + START_TIMEOUT
            + " (last: "
            + last
            + ")\n"
            + running.logs());
  }

  private static void sleep() {
    try {
      Thread.sleep(500);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
