package io.notejam.infra.iam;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One {@code Allow} statement of an IAM policy. Resources may hold Terraform references (for
 * example a repository ARN); they are resolved when the policy text is synthesized.
 */
public record PolicyStatement(
    String sid,
    List<String> actions,
    List<String> resources,
    Map<String, Map<String, Object>> conditions) {

  public static PolicyStatement allow(String sid, List<String> actions, List<String> resources) {
    return new PolicyStatement(sid, actions, resources, Map.of());
  }

  public PolicyStatement when(String operator, String key, Object value) {
    Map<String, Map<String, Object>> merged = new LinkedHashMap<>(conditions);
    merged.computeIfAbsent(operator, k -> new LinkedHashMap<>()).put(key, value);
    return new PolicyStatement(sid, actions, resources, merged);
  }

  Map<String, Object> toDocument() {
    Map<String, Object> statement = new LinkedHashMap<>();
    statement.put("Sid", sid);
    statement.put("Effect", "Allow");
    statement.put("Action", actions);
    statement.put("Resource", resources);
    if (!conditions.isEmpty()) {
      statement.put("Condition", conditions);
    }
    return statement;
  }
}
