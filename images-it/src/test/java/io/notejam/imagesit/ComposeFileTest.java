package io.notejam.imagesit;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/** compose.yaml as a whole: what the Compose tool accepts, and the shape the issue asks for. */
class ComposeFileTest {
  private static final Pattern VARIABLE = Pattern.compile("\\$\\{([A-Z0-9_]+)");
  private static final String[] REQUIRED_SECRETS = {
    "MYSQL_ROOT_PASSWORD", "EXPRESS_DB_PASSWORD", "FLASK_DB_PASSWORD", "NOTEJAM_SESSION_SECRET"
  };

  private final String composeText = Repo.read("compose.yaml");
  private final Map<String, Object> compose = new Yaml().load(composeText);

  @Test
  void mysqlIsHealthCheckedAndCreatesOneSchemaPerService() {
    Map<String, Object> mysql = service("mysql");
    String initScript = Repo.read("compose/mysql-init/10-service-schemas.sh");
    assertAll(
        () -> assertTrue(((String) mysql.get("image")).startsWith("mysql:8.4"), "MySQL 8.4"),
        () -> assertTrue(map(mysql, "healthcheck").containsKey("test"), "healthcheck"),
        () ->
            assertTrue(
                list(mysql, "volumes")
                    .contains("./compose/mysql-init:/docker-entrypoint-initdb.d:ro"),
                "init scripts mounted"),
        () -> assertTrue(initScript.contains("CREATE DATABASE IF NOT EXISTS notejam_express")),
        () -> assertTrue(initScript.contains("CREATE DATABASE IF NOT EXISTS notejam_flask")),
        () -> assertTrue(initScript.contains("ON notejam_express.* TO 'express'")),
        () -> assertTrue(initScript.contains("ON notejam_flask.* TO 'flask'")));
  }

  @Test
  void eachAppRunsTwoReplicasOnItsOwnSchemaOnceMysqlIsHealthy() {
    assertApp("express-svc", "3000", "notejam_express", "express");
    assertApp("flask-svc", "5000", "notejam_flask", "flask");
  }

  private void assertApp(String name, String port, String schema, String user) {
    Map<String, Object> app = service(name);
    Map<String, Object> env = map(app, "environment");
    assertAll(
        name,
        () -> assertEquals(2, map(app, "deploy").get("replicas")),
        () ->
            assertEquals("service_healthy", map(map(app, "depends_on"), "mysql").get("condition")),
        () -> assertEquals(port, env.get("PORT")),
        () -> assertEquals(List.of(port), list(app, "expose")),
        () -> assertEquals("mysql:3306", env.get("DATABASE_ENDPOINT")),
        () -> assertEquals(schema, env.get("DATABASE_SCHEMA")),
        () -> assertEquals(user, env.get("DATABASE_USERNAME")),
        () -> assertTrue(map(app, "healthcheck").get("test").toString().contains("/health")),
        () -> assertEquals("http://localstack:4566", env.get("AWS_ENDPOINT_URL")),
        () -> assertTrue(env.containsKey("NOTEJAM_MAIL_TRANSPORT")),
        // Jib names images notejam/<artifactId>:<version> by default: compose must run exactly
        // those.
        () ->
            assertEquals(
                "${IMAGE_REGISTRY:-notejam}/" + name + ":${IMAGE_TAG:-" + Repo.VERSION + "}",
                app.get("image")));
  }

  @Test
  void gatewayPublishes8080WithTheRoutingFileAndDnsTargets() {
    Map<String, Object> gateway = service("gateway");
    Map<String, Object> env = map(gateway, "environment");
    assertAll(
        () -> assertEquals(List.of("${GATEWAY_HOST_PORT:-8080}:8080"), list(gateway, "ports")),
        () -> assertEquals("8080", env.get("PORT")),
        () ->
            assertTrue(
                list(gateway, "volumes")
                    .contains("./routing/notejam-alb.yaml:" + env.get("GATEWAY_CONFIG") + ":ro"),
                "the repository's routing file is the one served"),
        () -> assertTrue(Files.isRegularFile(Repo.file("routing/notejam-alb.yaml"))),
        () -> assertEquals("express-svc:3000", env.get("GATEWAY_TARGETS_EXPRESS")),
        () -> assertEquals("flask-svc:5000", env.get("GATEWAY_TARGETS_FLASK")),
        () ->
            assertEquals(
                "service_healthy", map(map(gateway, "depends_on"), "express-svc").get("condition")),
        () ->
            assertEquals(
                "service_healthy", map(map(gateway, "depends_on"), "flask-svc").get("condition")));
  }

  @Test
  void localstackWithSesOnlyUnderTheAwsProfile() {
    Map<String, Object> localstack = service("localstack");
    assertAll(
        () -> assertEquals(List.of("aws"), list(localstack, "profiles")),
        () -> assertTrue(map(localstack, "environment").get("SERVICES").toString().contains("ses")),
        () -> assertTrue(map(localstack, "healthcheck").containsKey("test")),
        () ->
            assertTrue(
                Repo.read("compose/localstack-ready/verify-senders.sh")
                    .contains("norepy@notejamapp.com from@notejamapp.com"),
                "both apps' senders verified"));
  }

  @Test
  void secretsComeOnlyFromTheEnvironmentAndTheExampleNamesEveryVariable() throws IOException {
    for (String secret : REQUIRED_SECRETS) {
      assertTrue(
          composeText.contains("${" + secret + ":?"),
          secret + " must be required, never defaulted");
    }
    Set<String> used = new TreeSet<>();
    Matcher matcher = VARIABLE.matcher(composeText);
    while (matcher.find()) {
      used.add(matcher.group(1));
    }
    Properties example = new Properties();
    try (var reader = Files.newBufferedReader(Repo.file(".env.example"))) {
      example.load(reader);
    }
    Set<String> missing = new TreeSet<>(used);
    missing.removeAll(example.stringPropertyNames());
    assertTrue(missing.isEmpty(), ".env.example lacks " + missing);
    assertTrue(Files.readString(Repo.file(".gitignore")).lines().anyMatch(".env"::equals));
  }

  @Test
  void composeToolAcceptsTheFileWithTheExampleEnvironment() {
    assumeComposeTool();
    Command.Result config = compose("--env-file", ".env.example", "config");
    assertTrue(config.ok(), config.output());
    // The tool's normalised output: every service kept, LocalStack only under the aws profile.
    Map<String, Object> normalised = new Yaml().load(config.output());
    Map<String, Object> services = map(normalised, "services");
    assertEquals(
        Set.of("mysql", "express-svc", "flask-svc", "gateway", "localstack"), services.keySet());
    assertEquals(List.of("aws"), list(map(services, "localstack"), "profiles"));
    assertEquals(2, map(map(services, "flask-svc"), "deploy").get("replicas"));
  }

  @Test
  void composeToolRefusesToStartWithoutTheSecrets() throws IOException {
    assumeComposeTool();
    Path noSecrets = Files.createTempFile("no-secrets", ".env");
    try {
      Files.writeString(noSecrets, "IMAGE_TAG=" + Repo.VERSION + "\n");
      Command.Result config = compose("--env-file", noSecrets.toString(), "config", "--quiet");
      assertFalse(config.ok(), config.output());
      assertTrue(config.output().contains("see .env.example"), config.output());
    } finally {
      Files.delete(noSecrets);
    }
  }

  private static void assumeComposeTool() {
    assumeTrue(
        Command.onPath("docker-compose"),
        "docker-compose is not installed (apt-get install --no-install-recommends docker-compose):"
            + " skipping the Compose tool's own validation");
  }

  private static Command.Result compose(String... arguments) {
    List<String> argv = new java.util.ArrayList<>(List.of("docker-compose", "-f", "compose.yaml"));
    argv.addAll(List.of(arguments));
    return Command.of(argv)
        .in(Repo.ROOT)
        .withoutEnv(REQUIRED_SECRETS)
        .withoutEnv("COMPOSE_PROFILES", "COMPOSE_FILE", "DOCKER_HOST")
        .run(Duration.ofSeconds(60));
  }

  private Map<String, Object> service(String name) {
    return map(map(compose, "services"), name);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Map<String, Object> parent, String key) {
    Object value = parent.get(key);
    assertTrue(value instanceof Map, key + " should be a mapping, was " + value);
    return (Map<String, Object>) value;
  }

  @SuppressWarnings("unchecked")
  private static List<Object> list(Map<String, Object> parent, String key) {
    Object value = parent.get(key);
    assertTrue(value instanceof List, key + " should be a list, was " + value);
    return (List<Object>) value;
  }
}
