package io.notejam.infra;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import io.notejam.albconfig.model.Action;
import io.notejam.albconfig.model.Condition;
import io.notejam.albconfig.model.Listener;
import io.notejam.albconfig.model.LoadBalancer;
import io.notejam.albconfig.model.Rule;
import io.notejam.albconfig.model.TargetGroup;
import io.notejam.albconfig.model.TargetGroupAttributes;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Compares a routing document with the synthesized load balancer, field by field, in one neutral
 * text form per rule, action, condition and target group: anything the file says that production
 * would do differently shows up as a diff.
 */
final class RoutingParity {

  private final Synthesized stack;
  private final String namePrefix;
  private final Map<String, String> routingNameByLogicalId = new HashMap<>();

  RoutingParity(Synthesized stack, String namePrefix) {
    this.stack = stack;
    this.namePrefix = namePrefix;
    stack
        .resources("aws_lb_target_group")
        .forEach(
            (id, group) ->
                routingNameByLogicalId.put(
                    id, group.path("name").asText().substring(namePrefix.length() + 1)));
  }

  /** Asserts the stack's target groups, listeners and rules are exactly the routing file's. */
  void assertSameAs(LoadBalancer routing, Map<Integer, Integer> productionPortOf) {
    assertEquals(expectedTargetGroups(routing), actualTargetGroups(), "target groups");
    for (Listener listener : routing.listeners()) {
      int port = productionPortOf.getOrDefault(listener.port(), listener.port());
      String listenerId = listenerId(port);
      assertEquals(
          listener.defaultActions().stream().map(RoutingParity::expectedAction).toList(),
          actualActions(stack.resources("aws_lb_listener").get(listenerId).path("default_action")),
          "default actions of listener " + port);
      assertEquals(expectedRules(listener), actualRules(listenerId), "rules of listener " + port);
    }
    assertEquals(
        routing.listeners().stream().mapToInt(l -> l.rules().size()).sum(),
        stack.resources("aws_lb_listener_rule").size(),
        "no rule beyond the file's");
  }

  private static Map<String, String> expectedTargetGroups(LoadBalancer routing) {
    Map<String, String> groups = new TreeMap<>();
    for (TargetGroup group : routing.targetGroups()) {
      TargetGroup.HealthCheck health = group.healthCheck();
      groups.put(
          group.name(),
          String.join(
              " ",
              group.protocolOrDefault(),
              group.protocolVersionOrDefault(),
              String.valueOf(group.port()),
              group.targetType(),
              "health=" + health.protocol() + ":" + health.port() + health.path(),
              "every=" + health.intervalSeconds() + "/" + health.timeoutSeconds(),
              "thresholds=" + health.healthyThreshold() + "/" + health.unhealthyThreshold(),
              "matcher=" + (group.matcher() != null ? group.matcher().httpCode() : "200"),
              "deregistration=" + group.attribute(TargetGroupAttributes.DEREGISTRATION_DELAY),
              "slowstart=" + group.attribute(TargetGroupAttributes.SLOW_START),
              "algorithm=" + group.attribute(TargetGroupAttributes.ALGORITHM),
              "sticky=" + group.attribute(TargetGroupAttributes.STICKINESS_ENABLED)));
    }
    return groups;
  }

  private Map<String, String> actualTargetGroups() {
    Map<String, String> groups = new TreeMap<>();
    stack
        .resources("aws_lb_target_group")
        .forEach(
            (id, group) -> {
              JsonNode health = group.path("health_check");
              groups.put(
                  routingNameByLogicalId.get(id),
                  String.join(
                      " ",
                      group.path("protocol").asText(),
                      group.path("protocol_version").asText(),
                      group.path("port").asText(),
                      group.path("target_type").asText(),
                      "health="
                          + health.path("protocol").asText()
                          + ":"
                          + health.path("port").asText()
                          + health.path("path").asText(),
                      "every="
                          + health.path("interval").asText()
                          + "/"
                          + health.path("timeout").asText(),
                      "thresholds="
                          + health.path("healthy_threshold").asText()
                          + "/"
                          + health.path("unhealthy_threshold").asText(),
                      "matcher=" + health.path("matcher").asText(),
                      "deregistration=" + group.path("deregistration_delay").asText(),
                      "slowstart=" + group.path("slow_start").asText(),
                      "algorithm=" + group.path("load_balancing_algorithm_type").asText(),
                      "sticky=" + group.path("stickiness").path("enabled").asBoolean(false)));
            });
    return groups;
  }

  private static Map<Integer, String> expectedRules(Listener listener) {
    Map<Integer, String> rules = new TreeMap<>();
    for (Rule rule : listener.rules()) {
      rules.put(
          rule.priority(),
          rule.conditions().stream().map(RoutingParity::expectedCondition).toList()
              + " -> "
              + rule.actions().stream().map(RoutingParity::expectedAction).toList());
    }
    return rules;
  }

  private Map<Integer, String> actualRules(String listenerId) {
    Map<Integer, String> rules = new TreeMap<>();
    for (JsonNode rule : stack.resources("aws_lb_listener_rule").values()) {
      if (!rule.path("listener_arn").asText().equals("${aws_lb_listener." + listenerId + ".arn}")) {
        continue;
      }
      List<String> conditions = new ArrayList<>();
      rule.path("condition").forEach(condition -> conditions.add(actualCondition(condition)));
      rules.put(
          rule.path("priority").asInt(), conditions + " -> " + actualActions(rule.path("action")));
    }
    return rules;
  }

  private static String expectedCondition(Condition condition) {
    return switch (condition.field()) {
      case Condition.HTTP_HEADER ->
          "http-header "
              + condition.httpHeaderConfig().httpHeaderName()
              + "="
              + condition.plainValues();
      case Condition.QUERY_STRING ->
          "query-string "
              + condition.queryStringConfig().values().stream()
                  .map(kv -> kv.key() + "=" + kv.value())
                  .toList();
      default -> condition.field() + " " + condition.plainValues();
    };
  }

  private static String actualCondition(JsonNode condition) {
    var field = condition.fieldNames().next();
    JsonNode config = condition.path(field);
    return switch (field) {
      case "http_header" ->
          "http-header "
              + config.path("http_header_name").asText()
              + "="
              + strings(config.path("values"));
      case "query_string" -> {
        List<String> pairs = new ArrayList<>();
        config.forEach(
            kv ->
                pairs.add(
                    (kv.has("key") ? kv.path("key").asText() : "null")
                        + "="
                        + kv.path("value").asText()));
        yield "query-string " + pairs;
      }
      default -> field.replace('_', '-') + " " + strings(config.path("values"));
    };
  }

  private static String expectedAction(Action action) {
    return switch (action.type()) {
      case Action.FORWARD -> {
        var stickiness =
            action.forwardConfig() != null
                ? action.forwardConfig().targetGroupStickinessConfig()
                : null;
        yield "forward "
            + action.forwardTargets().stream()
                .map(t -> t.groupName() + ":" + t.weightOrDefault())
                .toList()
            + (stickiness != null
                ? " sticky=" + stickiness.isEnabled() + "/" + stickiness.durationSeconds()
                : "");
      }
      case Action.REDIRECT -> {
        var r = action.redirectConfig();
        yield "redirect "
            + String.join(
                "|",
                String.valueOf(r.protocol()),
                String.valueOf(r.host()),
                String.valueOf(r.port()),
                String.valueOf(r.path()),
                String.valueOf(r.query()),
                r.statusCode());
      }
      default -> {
        var f = action.fixedResponseConfig();
        yield "fixed-response " + f.statusCode() + " " + f.contentType() + " " + f.messageBody();
      }
    };
  }

  private List<String> actualActions(JsonNode actions) {
    List<String> result = new ArrayList<>();
    for (JsonNode action : actions) {
      String type = action.path("type").asText();
      result.add(
          switch (type) {
            case "forward" -> {
              if (action.has("target_group_arn")) {
                yield "forward [" + groupName(action.path("target_group_arn").asText()) + ":1]";
              }
              List<String> targets = new ArrayList<>();
              action
                  .path("forward")
                  .path("target_group")
                  .forEach(
                      t ->
                          targets.add(
                              groupName(t.path("arn").asText()) + ":" + t.path("weight").asInt()));
              JsonNode stickiness = action.path("forward").path("stickiness");
              yield "forward "
                  + targets
                  + (stickiness.isMissingNode()
                      ? ""
                      : " sticky="
                          + stickiness.path("enabled").asBoolean()
                          + "/"
                          + stickiness.path("duration").asInt());
            }
            case "redirect" -> {
              JsonNode r = action.path("redirect");
              yield "redirect "
                  + String.join(
                      "|",
                      text(r, "protocol"),
                      text(r, "host"),
                      text(r, "port"),
                      text(r, "path"),
                      text(r, "query"),
                      r.path("status_code").asText());
            }
            default -> {
              JsonNode f = action.path("fixed_response");
              yield "fixed-response "
                  + f.path("status_code").asText()
                  + " "
                  + f.path("content_type").asText()
                  + " "
                  + text(f, "message_body");
            }
          });
    }
    return result;
  }

  private String groupName(String arnReference) {
    String logicalId =
        arnReference.substring(
            "${aws_lb_target_group.".length(), arnReference.length() - ".arn}".length());
    return routingNameByLogicalId.get(logicalId);
  }

  private String listenerId(int port) {
    return stack.resources("aws_lb_listener").entrySet().stream()
        .filter(e -> e.getValue().path("port").asInt() == port)
        .map(Map.Entry::getKey)
        .findFirst()
        .orElseThrow(() -> new AssertionError("no listener on port " + port));
  }

  private static String text(JsonNode node, String field) {
    return node.has(field) ? node.path(field).asText() : "null";
  }

  private static List<String> strings(JsonNode array) {
    List<String> values = new ArrayList<>();
    array.forEach(value -> values.add(value.asText()));
    return values;
  }
}
