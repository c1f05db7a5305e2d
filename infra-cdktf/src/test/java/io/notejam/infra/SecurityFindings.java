package io.notejam.infra;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Scans synthesized Terraform JSON for the seed's security holes; each finding names a resource.
 */
final class SecurityFindings {

  private static final int MYSQL_PORT = 3306;
  private static final List<String> WORLD = List.of("0.0.0.0/0", "::/0");
  private static final Pattern SECRET_NAME =
      Pattern.compile("(?i).*(PASSWORD|SECRET|TOKEN|PRIVATE_KEY|ACCESS_KEY).*");
  private static final Pattern REFERENCE = Pattern.compile("^\\$\\{[^}]+}(:[a-z_]+::)?$");

  private SecurityFindings() {}

  /** Security group rules, inline or standalone, that open 3306 to the whole internet. */
  static List<String> mysqlOpenToTheWorld(JsonNode tree) {
    List<String> findings = new ArrayList<>();
    JsonNode resources = tree.path("resource");
    resources
        .path("aws_vpc_security_group_ingress_rule")
        .fields()
        .forEachRemaining(
            e -> {
              JsonNode rule = e.getValue();
              if (coversMysql(rule, "from_port", "to_port", "ip_protocol")
                  && (WORLD.contains(rule.path("cidr_ipv4").asText())
                      || WORLD.contains(rule.path("cidr_ipv6").asText()))) {
                findings.add("aws_vpc_security_group_ingress_rule." + e.getKey());
              }
            });
    resources
        .path("aws_security_group_rule")
        .fields()
        .forEachRemaining(
            e -> {
              JsonNode rule = e.getValue();
              if ("ingress".equals(rule.path("type").asText())
                  && coversMysql(rule, "from_port", "to_port", "protocol")
                  && opensToWorld(rule)) {
                findings.add("aws_security_group_rule." + e.getKey());
              }
            });
    resources
        .path("aws_security_group")
        .fields()
        .forEachRemaining(
            e -> {
              for (JsonNode rule : e.getValue().path("ingress")) {
                if (coversMysql(rule, "from_port", "to_port", "protocol") && opensToWorld(rule)) {
                  findings.add("aws_security_group." + e.getKey());
                }
              }
            });
    return findings;
  }

  /** Database instances reachable from the internet. */
  static List<String> publicDatabases(JsonNode tree) {
    List<String> findings = new ArrayList<>();
    tree.path("resource")
        .path("aws_db_instance")
        .fields()
        .forEachRemaining(
            e -> {
              if (e.getValue().path("publicly_accessible").asBoolean(false)) {
                findings.add("aws_db_instance." + e.getKey());
              }
            });
    return findings;
  }

  /** Database instances whose password Terraform would know (and keep in state). */
  static List<String> databasePasswordsInTerraform(JsonNode tree) {
    List<String> findings = new ArrayList<>();
    tree.path("resource")
        .path("aws_db_instance")
        .fields()
        .forEachRemaining(
            e -> {
              if (e.getValue().has("password")
                  || !e.getValue().path("manage_master_user_password").asBoolean(false)) {
                findings.add("aws_db_instance." + e.getKey());
              }
            });
    return findings;
  }

  /**
   * Containers with a secret value instead of a reference: a secret-looking environment variable,
   * or a {@code secrets} entry whose {@code valueFrom} is not a Terraform reference to an ARN.
   */
  static List<String> secretValuesInTaskDefinitions(JsonNode tree) {
    List<String> findings = new ArrayList<>();
    tree.path("resource")
        .path("aws_ecs_task_definition")
        .fields()
        .forEachRemaining(
            e -> {
              for (JsonNode container :
                  Synthesized.parse(e.getValue().path("container_definitions").asText())) {
                String where =
                    "aws_ecs_task_definition." + e.getKey() + "/" + container.path("name").asText();
                for (JsonNode variable : container.path("environment")) {
                  if (SECRET_NAME.matcher(variable.path("name").asText()).matches()) {
                    findings.add(where + " environment " + variable.path("name").asText());
                  }
                }
                for (JsonNode secret : container.path("secrets")) {
                  if (!REFERENCE.matcher(secret.path("valueFrom").asText()).matches()) {
                    findings.add(where + " secret " + secret.path("name").asText());
                  }
                }
              }
            });
    return findings;
  }

  private static boolean coversMysql(JsonNode rule, String from, String to, String protocol) {
    String proto = rule.path(protocol).asText();
    boolean tcp =
        proto.equals("tcp") || proto.equals("6") || proto.equals("-1") || proto.equals("all");
    if (proto.equals("-1") || proto.equals("all")) {
      return true;
    }
    return tcp && rule.path(from).asInt() <= MYSQL_PORT && rule.path(to).asInt() >= MYSQL_PORT;
  }

  private static boolean opensToWorld(JsonNode rule) {
    for (String field : List.of("cidr_blocks", "ipv6_cidr_blocks")) {
      for (JsonNode cidr : rule.path(field)) {
        if (WORLD.contains(cidr.asText())) {
          return true;
        }
      }
    }
    return false;
  }
}
