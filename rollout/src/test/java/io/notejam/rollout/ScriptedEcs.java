package io.notejam.rollout;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.util.Arrays;
import java.util.List;

/**
 * A real HTTP endpoint that answers the ECS JSON protocol with scripted bodies, so the waiting
 * logic meets the states a real deployment goes through (which moto never produces). The SDK talks
 * to it exactly as to ECS: same serialization, same error unmarshalling, same retries.
 */
final class ScriptedEcs implements AutoCloseable {
  static final String CLUSTER = "notejam";
  static final String SERVICE = "notejam-express";
  static final String OLD_ARN = taskDefinitionArn(1);
  static final String NEW_ARN = taskDefinitionArn(2);
  static final String OLD_IMAGE =
      "123456789012.dkr.ecr.eu-west-1.amazonaws.com/notejam-express:aaa";
  static final String NEW_IMAGE =
      "123456789012.dkr.ecr.eu-west-1.amazonaws.com/notejam-express:bbb";

  private static final String TARGET_PREFIX = "AmazonEC2ContainerServiceV20141113.";
  private static final String SCENARIO = "describe-services";
  private final WireMockServer server = new WireMockServer(options().dynamicPort());

  ScriptedEcs() {
    server.start();
  }

  String endpoint() {
    return server.baseUrl();
  }

  void reset() {
    server.resetAll();
  }

  /** Answers {@code action} with a 200 and this body, every time. */
  void answer(String action, String body) {
    server.stubFor(
        post(urlEqualTo("/"))
            .withHeader("X-Amz-Target", equalTo(TARGET_PREFIX + action))
            .willReturn(json(200, body)));
  }

  /** Answers {@code action} with an ECS error of this type. */
  void fail(String action, int status, String errorType, String message) {
    server.stubFor(
        post(urlEqualTo("/"))
            .withHeader("X-Amz-Target", equalTo(TARGET_PREFIX + action))
            .willReturn(
                json(
                    status, "{\"__type\":\"" + errorType + "\",\"message\":\"" + message + "\"}")));
  }

  /** Answers successive DescribeServices calls with these services, repeating the last one. */
  void describeServicesInTurn(String... services) {
    describeServicesInTurn(Arrays.stream(services).map(ScriptedEcs::describing).toList());
  }

  /** Answers successive DescribeServices calls with these responses, repeating the last one. */
  void describeServicesInTurn(List<ResponseDefinitionBuilder> responses) {
    for (int i = 0; i < responses.size(); i++) {
      var stub =
          post(urlEqualTo("/"))
              .withHeader("X-Amz-Target", equalTo(TARGET_PREFIX + "DescribeServices"))
              .inScenario(SCENARIO)
              .whenScenarioStateIs(i == 0 ? Scenario.STARTED : "call-" + i)
              .willReturn(responses.get(i));
      if (i < responses.size() - 1) {
        stub = stub.willSetStateTo("call-" + (i + 1));
      }
      server.stubFor(stub);
    }
  }

  /** A DescribeServices answer carrying this service. */
  static ResponseDefinitionBuilder describing(String service) {
    return json(200, "{\"services\":[" + service + "],\"failures\":[]}");
  }

  /** The connection drops before any answer, as on a network failure. */
  static ResponseDefinitionBuilder connectionReset() {
    return aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER);
  }

  /** The usual opening: the service on revision 1, its task definition, and the update calls. */
  void serviceOnRevisionOneAcceptingRevisionTwo() {
    answer("DescribeTaskDefinition", taskDefinition(1, OLD_IMAGE));
    answer("RegisterTaskDefinition", taskDefinition(2, NEW_IMAGE));
    answer(
        "UpdateService",
        "{\"service\":"
            + service(
                NEW_ARN,
                List.of(deployment("ecs-svc/2", "PRIMARY", NEW_ARN, "IN_PROGRESS", 0, 0)),
                List.of())
            + "}");
  }

  List<LoggedRequest> requests(String action) {
    return server.findAll(
        postRequestedFor(urlEqualTo("/"))
            .withHeader("X-Amz-Target", equalTo(TARGET_PREFIX + action)));
  }

  @Override
  public void close() {
    server.stop();
  }

  static String taskDefinitionArn(int revision) {
    return "arn:aws:ecs:eu-west-1:123456789012:task-definition/notejam-express:" + revision;
  }

  static String taskDefinition(int revision, String image) {
    return """
        {"taskDefinition": {
          "taskDefinitionArn": "%s", "family": "notejam-express", "revision": %d,
          "status": "ACTIVE", "networkMode": "awsvpc", "cpu": "256", "memory": "512",
          "requiresCompatibilities": ["FARGATE"],
          "executionRoleArn": "arn:aws:iam::123456789012:role/notejam-execution",
          "containerDefinitions": [
            {"name": "express", "image": "%s", "essential": true,
             "portMappings": [{"containerPort": 3000, "protocol": "tcp"}]},
            {"name": "xray-daemon", "image": "public.ecr.aws/xray/aws-xray-daemon:3.3.14",
             "essential": false}
          ]},
         "tags": [{"key": "project", "value": "notejam"}]}
        """
        .formatted(taskDefinitionArn(revision), revision, image);
  }

  static String service(String taskDefinition, List<String> deployments, List<String> events) {
    return """
        {"serviceName": "%s", "clusterArn": "arn:aws:ecs:eu-west-1:123456789012:cluster/%s",
         "status": "ACTIVE", "desiredCount": 2, "taskDefinition": "%s",
         "deploymentController": {"type": "ECS"},
         "deployments": [%s], "events": [%s]}
        """
        .formatted(
            SERVICE,
            CLUSTER,
            taskDefinition,
            String.join(",", deployments),
            String.join(",", events));
  }

  static String deployment(
      String id,
      String status,
      String taskDefinition,
      String rolloutState,
      int running,
      int failed) {
    return deployment(id, status, taskDefinition, rolloutState, running, failed, "");
  }

  static String deployment(
      String id,
      String status,
      String taskDefinition,
      String rolloutState,
      int running,
      int failed,
      String reason) {
    return """
        {"id": "%s", "status": "%s", "taskDefinition": "%s", "desiredCount": 2,
         "runningCount": %d, "pendingCount": %d, "failedTasks": %d,
         "rolloutState": "%s", "rolloutStateReason": "%s", "createdAt": 1764374400}
        """
        .formatted(
            id,
            status,
            taskDefinition,
            running,
            Math.max(0, 2 - running),
            failed,
            rolloutState,
            reason);
  }

  /** A service event; {@code n} orders them (ECS lists the newest first). */
  static String event(int n, String message) {
    return "{\"id\": \"event-%d\", \"createdAt\": %d, \"message\": \"%s\"}"
        .formatted(n, 1764374400 + n * 10, message);
  }

  private static ResponseDefinitionBuilder json(int status, String body) {
    return aResponse()
        .withStatus(status)
        .withHeader("Content-Type", "application/x-amz-json-1.1")
        .withBody(body);
  }
}
