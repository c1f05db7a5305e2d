package io.notejam.infra;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.hashicorp.cdktf.Testing;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;

/** One synthesized stack: its Terraform JSON as text (for CDKTF's matchers) and as a tree. */
record Synthesized(String json, JsonNode tree) {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  Synthesized(String json) {
    this(json, parse(json));
  }

  /** Asserts that some resource of {@code type} has all of {@code properties}. */
  void assertHasResource(String type, Map<String, ?> properties) {
    assertTrue(
        Testing.toHaveResourceWithProperties(json, type, properties),
        () -> "no " + type + " with " + properties + " in:\n" + resources(type));
  }

  /** The resources of one type by logical id (empty when there are none). */
  Map<String, JsonNode> resources(String type) {
    Map<String, JsonNode> found = new LinkedHashMap<>();
    tree.path("resource")
        .path(type)
        .fields()
        .forEachRemaining(e -> found.put(e.getKey(), e.getValue()));
    return found;
  }

  /** The only resource of {@code type}; fails when there is not exactly one. */
  JsonNode single(String type) {
    Map<String, JsonNode> found = resources(type);
    if (found.size() != 1) {
      throw new AssertionError("expected one " + type + ", found " + found.keySet());
    }
    return found.values().iterator().next();
  }

  /** The resource of {@code type} whose {@code name} attribute is {@code name}. */
  JsonNode named(String type, String name) {
    return resources(type).values().stream()
        .filter(resource -> name.equals(resource.path("name").asText()))
        .findFirst()
        .orElseThrow(
            () ->
                new AssertionError(
                    "no " + type + " named " + name + " in " + resources(type).keySet()));
  }

  static JsonNode parse(String json) {
    try {
      return MAPPER.readTree(json);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }
}
