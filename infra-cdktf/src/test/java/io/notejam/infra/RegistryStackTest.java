package io.notejam.infra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RegistryStackTest {

  private final Synthesized registry = SynthesizedStacks.registry();

  @Test
  void eachImageHasARepositoryScannedOnPush() {
    for (String service : new String[] {"express-svc", "flask-svc", "gateway"}) {
      registry.assertHasResource(
          "aws_ecr_repository",
          Map.of(
              "name",
              "notejam-prod/" + service,
              "image_scanning_configuration",
              Map.of("scan_on_push", true)));
    }
    assertEquals(3, registry.resources("aws_ecr_repository").size());
  }

  @Test
  void lifecycleRulesExpireUntaggedImagesAndKeepTheLatestThirty() {
    assertEquals(3, registry.resources("aws_ecr_lifecycle_policy").size());
    for (JsonNode policy : registry.resources("aws_ecr_lifecycle_policy").values()) {
      JsonNode rules = Synthesized.parse(policy.path("policy").asText()).path("rules");
      assertEquals(2, rules.size());
      JsonNode untagged = rules.get(0);
      assertEquals(1, untagged.path("rulePriority").asInt());
      assertEquals("untagged", untagged.path("selection").path("tagStatus").asText());
      assertEquals("sinceImagePushed", untagged.path("selection").path("countType").asText());
      assertEquals(7, untagged.path("selection").path("countNumber").asInt());
      JsonNode latest = rules.get(1);
      assertEquals("any", latest.path("selection").path("tagStatus").asText());
      assertEquals("imageCountMoreThan", latest.path("selection").path("countType").asText());
      assertEquals(30, latest.path("selection").path("countNumber").asInt());
      assertEquals("expire", latest.path("action").path("type").asText());
    }
  }

  @Test
  void repositoryUrisAreOutputs() {
    JsonNode outputs = registry.tree().path("output");
    assertTrue(
        outputs.path("ExpressSvcRepositoryUri").path("value").asText().contains("repository_url"));
    assertTrue(
        outputs.path("FlaskSvcRepositoryUri").path("value").asText().contains("repository_url"));
    assertTrue(
        outputs.path("GatewaySvcRepositoryUri").path("value").asText().contains("repository_url"));
  }
}
