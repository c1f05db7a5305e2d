package io.notejam.infra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What {@code cdktf synth} writes: four stacks with their dependencies, each with its own state in
 * S3, and the application reading the other stacks' outputs through remote state.
 */
class CdktfOutputTest {

  @Test
  void stacksDeployInDependencyOrder() throws IOException {
    JsonNode stacks = manifest().path("stacks");
    assertEquals(List.of(), strings(stacks.path("notejam-registry").path("dependencies")));
    assertEquals(List.of(), strings(stacks.path("notejam-network").path("dependencies")));
    assertEquals(
        List.of("notejam-network"), strings(stacks.path("notejam-database").path("dependencies")));
    assertEquals(
        List.of("notejam-database", "notejam-network", "notejam-registry"),
        strings(stacks.path("notejam-application").path("dependencies")).stream()
            .sorted()
            .toList());
  }

  @Test
  void everyStackKeepsItsStateInS3WithLocking() throws IOException {
    for (String stack :
        List.of("notejam-registry", "notejam-network", "notejam-database", "notejam-application")) {
      JsonNode s3 = stack(stack).path("terraform").path("backend").path("s3");
      assertEquals("notejam-terraform-state", s3.path("bucket").asText());
      assertEquals("notejam-terraform-locks", s3.path("dynamodb_table").asText());
      assertEquals("notejam-prod/" + stack + ".tfstate", s3.path("key").asText());
      assertTrue(s3.path("encrypt").asBoolean());
      assertEquals(
          "5.23.1",
          stack(stack)
              .path("terraform")
              .path("required_providers")
              .path("aws")
              .path("version")
              .asText());
    }
  }

  @Test
  void theApplicationReadsTheDatabaseFromItsRemoteState() throws IOException {
    JsonNode application = stack("notejam-application");
    JsonNode remote =
        application
            .path("data")
            .path("terraform_remote_state")
            .path("cross-stack-reference-input-notejam-database");
    assertEquals("s3", remote.path("backend").asText());
    assertEquals(
        "notejam-prod/notejam-database.tfstate", remote.path("config").path("key").asText());
    String containers =
        application
            .path("resource")
            .path("aws_ecs_task_definition")
            .elements()
            .next()
            .path("container_definitions")
            .asText();
    assertTrue(
        containers.contains(
            "${data.terraform_remote_state.cross-stack-reference-input-notejam-database.outputs."));
    // The database stack publishes what the application reads, marked sensitive.
    stack("notejam-database")
        .path("output")
        .elements()
        .forEachRemaining(output -> assertTrue(output.path("sensitive").asBoolean()));
  }

  private static JsonNode manifest() throws IOException {
    return Synthesized.parse(
        Files.readString(SynthesizedStacks.cdktfOut().resolve("manifest.json")));
  }

  private static JsonNode stack(String name) throws IOException {
    return Synthesized.parse(
        Files.readString(
            SynthesizedStacks.cdktfOut().resolve("stacks").resolve(name).resolve("cdk.tf.json")));
  }

  private static List<String> strings(JsonNode array) {
    List<String> values = new ArrayList<>();
    array.forEach(value -> values.add(value.asText()));
    return values;
  }
}
