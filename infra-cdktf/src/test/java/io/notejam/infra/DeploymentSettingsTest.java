package io.notejam.infra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DeploymentSettingsTest {

  @Test
  void defaultsNeedOnlyAStateBackend() {
    var settings =
        DeploymentSettings.fromEnvironment(
            Map.of("NOTEJAM_STATE_BUCKET", "state", "NOTEJAM_STATE_LOCK_TABLE", "locks"));
    assertEquals("prod", settings.environment());
    assertEquals("notejam-prod", settings.namePrefix());
    assertEquals("ap-southeast-1", settings.region());
    assertEquals(Optional.empty(), settings.imageTag());
    assertEquals(1, settings.natGateways());
    assertEquals("db.t4g.micro", settings.databaseInstanceClass());
    assertEquals(30, settings.logRetentionDays());
    assertEquals(Path.of("../routing/notejam-alb.yaml"), settings.routingFile());
    assertEquals(Optional.empty(), settings.domain());
    assertEquals(Optional.empty(), settings.accessLogsBucket());
    assertTrue(settings.stateBackend().isRemote());
    assertEquals("ap-southeast-1", settings.stateBackend().region());
  }

  @Test
  void withoutAStateBackendSynthRefusesUnlessLocalStateIsAskedFor() {
    var thrown =
        assertThrows(
            IllegalArgumentException.class, () -> DeploymentSettings.fromEnvironment(Map.of()));
    assertTrue(thrown.getMessage().contains("NOTEJAM_LOCAL_STATE=true"), thrown.getMessage());
    assertFalse(
        DeploymentSettings.fromEnvironment(Map.of("NOTEJAM_LOCAL_STATE", "true"))
            .stateBackend()
            .isRemote());
  }

  @Test
  void aBucketWithoutALockTableIsRefused() {
    var thrown =
        assertThrows(
            IllegalArgumentException.class,
            () -> DeploymentSettings.fromEnvironment(Map.of("NOTEJAM_STATE_BUCKET", "state")));
    assertTrue(thrown.getMessage().contains("NOTEJAM_STATE_LOCK_TABLE"), thrown.getMessage());
  }

  @Test
  void aDomainNeedsItsHostedZone() {
    Map<String, String> env =
        new HashMap<>(
            Map.of("NOTEJAM_LOCAL_STATE", "true", "NOTEJAM_DOMAIN_NAME", "notes.example.com"));
    assertThrows(IllegalArgumentException.class, () -> DeploymentSettings.fromEnvironment(env));
    env.put("NOTEJAM_HOSTED_ZONE_ID", "Z1");
    assertEquals(
        Optional.of(new DeploymentSettings.PublicDomain("notes.example.com", "Z1")),
        DeploymentSettings.fromEnvironment(env).domain());
  }

  @Test
  void badValuesAreRejectedWithTheVariableName() {
    var badNat = Map.of("NOTEJAM_LOCAL_STATE", "true", "NOTEJAM_NAT_GATEWAYS", "3");
    assertTrue(
        assertThrows(
                IllegalArgumentException.class, () -> DeploymentSettings.fromEnvironment(badNat))
            .getMessage()
            .startsWith("NOTEJAM_NAT_GATEWAYS"));
    var notANumber = Map.of("NOTEJAM_LOCAL_STATE", "true", "NOTEJAM_LOG_RETENTION_DAYS", "a month");
    assertTrue(
        assertThrows(
                IllegalArgumentException.class,
                () -> DeploymentSettings.fromEnvironment(notANumber))
            .getMessage()
            .startsWith("NOTEJAM_LOG_RETENTION_DAYS"));
    var badName = Map.of("NOTEJAM_LOCAL_STATE", "true", "NOTEJAM_ENVIRONMENT", "Production_1");
    assertTrue(
        assertThrows(
                IllegalArgumentException.class, () -> DeploymentSettings.fromEnvironment(badName))
            .getMessage()
            .startsWith("NOTEJAM_ENVIRONMENT"));
  }
}
