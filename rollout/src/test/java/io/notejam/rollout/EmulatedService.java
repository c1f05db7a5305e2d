package io.notejam.rollout;

import io.notejam.testsupport.TestAws;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Assumptions;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.Compatibility;
import software.amazon.awssdk.services.ecs.model.ContainerDefinition;
import software.amazon.awssdk.services.ecs.model.KeyValuePair;
import software.amazon.awssdk.services.ecs.model.LaunchType;
import software.amazon.awssdk.services.ecs.model.LogDriver;
import software.amazon.awssdk.services.ecs.model.NetworkMode;
import software.amazon.awssdk.services.ecs.model.PortMapping;
import software.amazon.awssdk.services.ecs.model.Secret;
import software.amazon.awssdk.services.ecs.model.Tag;

/**
 * An ECS service named {@code express} on the AWS emulator, in a cluster of its own (so tests, and
 * other modules sharing the emulator, never meet), running a two-container Fargate task definition
 * shaped like production's. Skips the calling test, with the reason, where no emulator with ECS can
 * be had: LocalStack's free edition has none, so CI runs these against moto.
 */
record EmulatedService(EcsClient ecs, String endpoint, String cluster, String family) {
  static final String SERVICE = "express";
  static final String OLD_IMAGE =
      "123456789012.dkr.ecr.us-east-1.amazonaws.com/notejam-express:1111111";
  static final String NEW_IMAGE =
      "123456789012.dkr.ecr.us-east-1.amazonaws.com/notejam-express:2222222";
  static final String XRAY_IMAGE = "public.ecr.aws/xray/aws-xray-daemon:3.3.14";

  private static EcsClient client;

  static EmulatedService create() {
    String endpoint = TestAws.endpoint().toString();
    Assumptions.assumeTrue(
        "moto".equals(TestAws.flavour()),
        "ECS needs moto: LocalStack's free edition has no ECS (CI runs this module against moto)");
    EcsClient ecs = client();
    String suffix = UUID.randomUUID().toString().substring(0, 8);
    String cluster = "rollout-test-" + suffix;
    String family = "notejam-express-" + suffix;
    ecs.createCluster(request -> request.clusterName(cluster));
    String taskDefinition =
        ecs.registerTaskDefinition(
                request ->
                    request
                        .family(family)
                        .networkMode(NetworkMode.AWSVPC)
                        .requiresCompatibilities(Compatibility.FARGATE)
                        .cpu("256")
                        .memory("512")
                        .executionRoleArn("arn:aws:iam::123456789012:role/notejam-execution")
                        .taskRoleArn("arn:aws:iam::123456789012:role/notejam-task")
                        .containerDefinitions(expressContainer(), xrayContainer())
                        .tags(Tag.builder().key("project").value("notejam").build()))
            .taskDefinition()
            .taskDefinitionArn();
    ecs.createService(
        request ->
            request
                .cluster(cluster)
                .serviceName(SERVICE)
                .taskDefinition(taskDefinition)
                .desiredCount(2)
                .launchType(LaunchType.FARGATE));
    return new EmulatedService(ecs, endpoint, cluster, family);
  }

  /** The task definition the service points at now. */
  String currentTaskDefinition() {
    return ecs.describeServices(request -> request.cluster(cluster).services(SERVICE))
        .services()
        .get(0)
        .taskDefinition();
  }

  private static synchronized EcsClient client() {
    if (client == null) {
      client =
          EcsClient.builder()
              .httpClient(UrlConnectionHttpClient.create())
              .endpointOverride(TestAws.endpoint())
              .region(Region.of(TestAws.REGION))
              .credentialsProvider(RolloutCli.TEST_CREDENTIALS)
              .build();
    }
    return client;
  }

  private static ContainerDefinition expressContainer() {
    return ContainerDefinition.builder()
        .name("express")
        .image(OLD_IMAGE)
        .essential(true)
        .portMappings(PortMapping.builder().containerPort(3000).build())
        .environment(KeyValuePair.builder().name("ENVIRONMENT").value("production").build())
        .secrets(
            Secret.builder()
                .name("DATABASE_PASSWORD")
                .valueFrom("arn:aws:secretsmanager:us-east-1:123456789012:secret:notejam-db")
                .build())
        .logConfiguration(
            log ->
                log.logDriver(LogDriver.AWSLOGS)
                    .options(
                        Map.of(
                            "awslogs-group", "/notejam/express",
                            "awslogs-region", "us-east-1",
                            "awslogs-stream-prefix", "express")))
        .build();
  }

  private static ContainerDefinition xrayContainer() {
    return ContainerDefinition.builder()
        .name("xray-daemon")
        .image(XRAY_IMAGE)
        .essential(false)
        .portMappings(PortMapping.builder().containerPort(2000).protocol("udp").build())
        .build();
  }
}
