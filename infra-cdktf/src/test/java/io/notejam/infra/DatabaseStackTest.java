package io.notejam.infra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DatabaseStackTest {

  private final Synthesized database = SynthesizedStacks.database();

  @Test
  void mysql8MultiAzEncryptedWithThirtyFiveDaysOfBackupsAndGrowingStorage() {
    database.assertHasResource(
        "aws_db_instance",
        Map.ofEntries(
            Map.entry("engine", "mysql"),
            Map.entry("engine_version", "8.0"),
            Map.entry("multi_az", true),
            Map.entry("storage_encrypted", true),
            Map.entry("backup_retention_period", 35),
            Map.entry("allocated_storage", 20),
            Map.entry("max_allocated_storage", 1000),
            Map.entry("deletion_protection", true),
            Map.entry("skip_final_snapshot", false),
            Map.entry("delete_automated_backups", false),
            Map.entry("publicly_accessible", false),
            Map.entry("manage_master_user_password", true),
            Map.entry("username", "notejam_admin"),
            Map.entry("port", 3306),
            Map.entry("enabled_cloudwatch_logs_exports", List.of("error", "slowquery"))));
  }

  @Test
  void terraformNeverHandlesTheMasterPassword() {
    JsonNode instance = database.single("aws_db_instance");
    assertFalse(instance.has("password"), "RDS generates the password in Secrets Manager");
    assertTrue(database.resources("aws_secretsmanager_secret_version").isEmpty());
  }

  @Test
  void livesInThePrivateSubnetsBehindItsOwnSecurityGroup() {
    JsonNode subnets = database.single("aws_db_subnet_group");
    assertEquals(2, subnets.path("subnet_ids").size());
    JsonNode instance = database.single("aws_db_instance");
    assertTrue(
        instance
            .path("vpc_security_group_ids")
            .get(0)
            .asText()
            .contains("database_security-group"));
    JsonNode group = database.single("aws_security_group");
    assertFalse(group.has("ingress"), "ingress comes only from the task security groups' rules");
  }

  @Test
  void exportedLogsKeepTheConfiguredRetention() {
    for (String log : List.of("error", "slowquery")) {
      database.assertHasResource(
          "aws_cloudwatch_log_group",
          Map.of("name", "/aws/rds/instance/notejam-prod-mysql/" + log, "retention_in_days", 30));
    }
    assertEquals(2, database.single("aws_db_instance").path("depends_on").size());
  }

  @Test
  void parametersRequireTlsAndLogSlowQueriesToFiles() {
    JsonNode parameters = database.single("aws_db_parameter_group");
    assertEquals("mysql8.0", parameters.path("family").asText());
    Map<String, String> values = new java.util.HashMap<>();
    parameters
        .path("parameter")
        .forEach(p -> values.put(p.path("name").asText(), p.path("value").asText()));
    assertEquals(
        Map.of(
            "require_secure_transport",
            "1",
            "slow_query_log",
            "1",
            "long_query_time",
            "2",
            "log_output",
            "FILE"),
        values);
  }

  @Test
  void enhancedMonitoringRoleIsAssumableByRdsMonitoringOnly() {
    JsonNode role = database.single("aws_iam_role");
    JsonNode trust = Synthesized.parse(role.path("assume_role_policy").asText());
    assertEquals(
        "monitoring.rds.amazonaws.com",
        trust.path("Statement").get(0).path("Principal").path("Service").asText());
    database.assertHasResource(
        "aws_iam_role_policy_attachment",
        Map.of(
            "policy_arn", "arn:aws:iam::aws:policy/service-role/AmazonRDSEnhancedMonitoringRole"));
    database.assertHasResource("aws_db_instance", Map.of("monitoring_interval", 60));
  }
}
