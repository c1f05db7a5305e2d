package io.notejam.rollout.ci;

import static io.notejam.rollout.ci.CircleCiConfigCheck.list;
import static io.notejam.rollout.ci.CircleCiConfigCheck.map;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The CircleCI pipeline in {@code .circleci/}, checked offline before CircleCI ever sees it. */
class CircleCiConfigTest {
  private static final Path REPOSITORY = Path.of("..").toAbsolutePath().normalize();
  private static final Path CIRCLECI = REPOSITORY.resolve(".circleci");
  private static final List<String> DELIVERY_ORDER =
      List.of("test", "registry", "images", "infra", "rollout", "smoke");

  private static String yaml;
  private static Map<String, Object> config;

  @BeforeAll
  static void load() throws IOException {
    yaml = Files.readString(CIRCLECI.resolve("config.yml"));
    config = CircleCiConfigCheck.parse(yaml);
  }

  @Test
  void everythingTheConfigUsesIsDeclared() {
    assertEquals(List.of(), CircleCiConfigCheck.problemsOf(yaml));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          workflow runs an undeclared job | a:{steps:[checkout]}  | [a, b]                      | workflow w runs job b, which is not declared
          requires names no job            | a:{steps:[checkout]}  | [{a:{requires:[zz]}}]      | workflow w: a requires zz, which is not in the workflow
          requires cycle                   | a:{steps:[checkout]}, b:{steps:[checkout]} | [{a:{requires:[b]}}, {b:{requires:[a]}}] | workflow w has a requires cycle: a -> b -> a
          undeclared command               | a:{steps:[checkout, cleanup]} | [a]              | job a uses step cleanup, which is neither built in nor a declared command
          undeclared orb                   | a:{steps:[aws-cli/setup]} | [a]                     | job a uses step aws-cli/setup, which is neither built in nor a declared command
          undeclared executor              | a:{executor: big, steps:[checkout]} | [a]           | job a uses executor big, which is not declared
          undeclared parameter             | a:{steps:[{run: 'echo << parameters.who >>'}]} | [a] | job a refers to << parameters.who >>, which is not declared
          undeclared pipeline parameter    | a:{steps:[{run: 'echo << pipeline.parameters.env >>'}]} | [a] | job a refers to << pipeline.parameters.env >>, which is not declared
          undeclared pipeline value        | a:{steps:[checkout]}  | [{a:{serial-group: 'x/<< pipeline.project.name >>'}}] | workflow w refers to << pipeline.project.name >>, which is not declared
          cache saved, never restored      | a:{steps:[{save_cache:{key: k1, paths:[x]}}]} | [a] | cache k1 is saved but never restored
          """)
  void reportsWhatCircleCiWouldRejectLater(
      String problem, String jobs, String workflowJobs, String expected) {
    String broken =
        "version: 2.1\njobs: {" + jobs + "}\nworkflows:\n  w:\n    jobs: " + workflowJobs + "\n";

    assertEquals(List.of(expected), CircleCiConfigCheck.problemsOf(broken), problem);
  }

  @Test
  void reportsCommandArgumentsTheCommandDoesNotDeclareAndMissingRequiredOnes() {
    String broken =
        """
        version: 2.1
        commands:
          deploy-stack:
            parameters: {stack: {type: string}}
            steps: [{run: 'echo << parameters.stack >>'}]
        jobs:
          a: {steps: [checkout, {deploy-stack: {stak: app}}]}
        workflows:
          w: {jobs: [a]}
        """;

    assertEquals(
        List.of(
            "job a passes stak to deploy-stack, which does not declare it",
            "job a calls deploy-stack without its required parameter stack"),
        CircleCiConfigCheck.problemsOf(broken));
  }

  @Test
  void shipsOnlyFromMainInDeliveryOrder() {
    Map<String, Map<String, Object>> jobs = workflowJobs();
    assertEquals(DELIVERY_ORDER, List.copyOf(jobs.keySet()));
    for (int i = 1; i < DELIVERY_ORDER.size(); i++) {
      Map<String, Object> job = jobs.get(DELIVERY_ORDER.get(i));
      assertEquals(
          List.of(DELIVERY_ORDER.get(i - 1)),
          list(job.get("requires")),
          DELIVERY_ORDER.get(i) + " runs after " + DELIVERY_ORDER.get(i - 1));
      assertEquals(
          List.of("main"),
          asList(map(map(job.get("filters")).get("branches")).get("only")),
          DELIVERY_ORDER.get(i) + " runs on main only");
    }
    assertTrue(jobs.get("test").isEmpty(), "test runs on every branch");
  }

  @Test
  void deploysOfTwoPipelinesNeverOverlap() {
    Map<String, Map<String, Object>> jobs = workflowJobs();
    Object group = jobs.get("infra").get("serial-group");
    assertTrue(
        String.valueOf(group).startsWith("notejam/deploy-"), "infra is serialized: " + group);
    assertEquals(group, jobs.get("rollout").get("serial-group"), "rollout queues behind it");
  }

  @Test
  void testsOnAMachineWithDockerAndDeploysWithTheAwsContext() {
    Map<String, Object> jobs = map(config.get("jobs"));
    Map<String, Object> executors = map(config.get("executors"));
    String testExecutor = String.valueOf(map(jobs.get("test")).get("executor"));
    assertTrue(
        map(executors.get(testExecutor)).containsKey("machine"), "Testcontainers needs Docker");
    workflowJobs()
        .forEach(
            (name, settings) -> {
              boolean talksToAws = !List.of("test", "smoke").contains(name);
              assertEquals(
                  talksToAws ? "notejam-aws" : null, settings.get("context"), name + "'s context");
            });
  }

  @Test
  void cachesMavenAndTheJsiiPackageCache() {
    assertTrue(yaml.contains("~/.m2/repository"), "Maven repository cached");
    Matcher jsiiRoot = Pattern.compile("JSII_RUNTIME_PACKAGE_CACHE_ROOT: (\\S+)").matcher(yaml);
    assertTrue(jsiiRoot.find(), "jsii's package cache is put somewhere known");
    assertTrue(
        yaml.contains("- " + jsiiRoot.group(1)), "and that place is saved: " + jsiiRoot.group(1));
  }

  @Test
  void everyRunCommandIsValidBash() throws Exception {
    List<String> commands = new ArrayList<>();
    collectRunCommands(config, commands);
    assertTrue(commands.size() > 10, "found the run steps: " + commands.size());
    for (String command : commands) {
      // Parameters are substituted before the shell sees the text: any word stands in for them.
      String script = command.replaceAll("<<[^>]*>>", "placeholder");
      Process bash = new ProcessBuilder("bash", "-n").redirectErrorStream(true).start();
      bash.getOutputStream().write(script.getBytes(StandardCharsets.UTF_8));
      bash.getOutputStream().close();
      String output = new String(bash.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertTrue(bash.waitFor(30, TimeUnit.SECONDS), "bash -n finished");
      assertEquals(0, bash.exitValue(), () -> output + "\nin:\n" + command);
    }
  }

  @Test
  void theScriptsItCallsExistAndParse() throws Exception {
    Matcher script = Pattern.compile("\\.circleci/([\\w-]+\\.sh)").matcher(yaml);
    List<String> scripts = new ArrayList<>();
    while (script.find()) {
      scripts.add(script.group(1));
    }
    assertTrue(scripts.containsAll(List.of("smoke.sh", "infra-output.sh")), scripts::toString);
    for (String name : scripts) {
      Path path = CIRCLECI.resolve(name);
      assertTrue(Files.isExecutable(path), name + " exists and is executable");
      assertEquals(0, run(List.of("bash", "-n", path.toString())).exitCode(), name);
    }
  }

  @Test
  void theMavenModulesItBuildsExist() {
    Matcher modules = Pattern.compile("-pl \"?([\\w,$-]+)\"?").matcher(yaml);
    int found = 0;
    while (modules.find()) {
      if (modules.group(1).startsWith("$")) {
        continue; // a shell variable, checked where it is set
      }
      for (String module : modules.group(1).split(",")) {
        assertTrue(Files.isRegularFile(REPOSITORY.resolve(module).resolve("pom.xml")), module);
        found++;
      }
    }
    assertTrue(found >= 4, "found the -pl lists");
    assertTrue(yaml.contains("push express-svc") && yaml.contains("push flask-svc"));
  }

  @Test
  void smokeScriptRefusesToRunWithoutATarget() throws Exception {
    Result result = run(List.of("bash", CIRCLECI.resolve("smoke.sh").toString()));
    assertEquals(2, result.exitCode(), result.output());
    assertTrue(result.output().contains("usage:"), result.output());
  }

  @Test
  void infraOutputReadsTheDeployOutputsAndNamesTheKnownOnesWhenOneIsMissing(@TempDir Path work)
      throws Exception {
    Assumptions.assumeTrue(run(List.of("jq", "--version")).exitCode() == 0, "needs jq");
    Path outputs = Files.createDirectories(work.resolve("infra-outputs"));
    Files.writeString(
        outputs.resolve("registry.json"),
        "{\"notejam-prod-registry\": {\"ExpressSvcRepositoryUri\": \"1.dkr.ecr/x\"}}");
    Files.writeString(
        outputs.resolve("all.json"), "{\"notejam-prod-app\": {\"AlbEndpoint\": \"alb.example\"}}");
    String script = CIRCLECI.resolve("infra-output.sh").toString();

    assertEquals(new Result(0, "alb.example\n"), run(List.of(script, "AlbEndpoint"), work));
    assertEquals(new Result(0, "fallback\n"), run(List.of(script, "Missing", "fallback"), work));
    Result missing = run(List.of(script, "ClusterName"), work);
    assertEquals(1, missing.exitCode());
    assertTrue(
        missing.output().contains("no infra output 'ClusterName'")
            && missing.output().contains("AlbEndpoint, ExpressSvcRepositoryUri"),
        missing.output());
  }

  @Test
  void circleCisOwnParserAcceptsTheConfig(@TempDir Path work) throws Exception {
    Path parser = CIRCLECI.resolve("node_modules");
    Assumptions.assumeTrue(
        Files.isDirectory(parser.resolve("@circleci/circleci-config-parser")),
        "CircleCI's parser is not installed: npm ci --prefix .circleci (needs node)");
    Path check = Path.of("src/test/resources/circleci-config-parser-check.js").toAbsolutePath();

    Result accepted = runNode(parser, check, CIRCLECI.resolve("config.yml"));
    assertEquals(0, accepted.exitCode(), accepted.output());

    Path broken = work.resolve("broken.yml");
    Files.writeString(broken, yaml.replace("resource_class: medium", "resource_class: enormous"));
    Result rejected = runNode(parser, check, broken);
    assertEquals(1, rejected.exitCode(), "the parser check can fail: " + rejected.output());
  }

  private static Result runNode(Path nodePath, Path check, Path configFile) throws Exception {
    ProcessBuilder node = new ProcessBuilder("node", check.toString(), configFile.toString());
    node.environment().put("NODE_PATH", nodePath.toString());
    return run(node);
  }

  private static Map<String, Map<String, Object>> workflowJobs() {
    Map<String, Map<String, Object>> jobs = new LinkedHashMap<>();
    Map<String, Object> workflow = map(map(config.get("workflows")).get("build-test-deploy"));
    for (Object entry : list(workflow.get("jobs"))) {
      if (entry instanceof Map<?, ?> m) {
        String name = String.valueOf(m.keySet().iterator().next());
        jobs.put(name, map(m.get(name)));
      } else {
        jobs.put(String.valueOf(entry), Map.of());
      }
    }
    return jobs;
  }

  private static List<?> asList(Object value) {
    return value instanceof List<?> l ? l : value == null ? List.of() : List.of(value);
  }

  private static void collectRunCommands(Object node, List<String> commands) {
    if (node instanceof Map<?, ?> m) {
      m.forEach(
          (key, value) -> {
            if ("run".equals(key)) {
              commands.add(
                  value instanceof Map<?, ?> r
                      ? String.valueOf(r.get("command"))
                      : String.valueOf(value));
            } else {
              collectRunCommands(value, commands);
            }
          });
    } else if (node instanceof List<?> l) {
      l.forEach(item -> collectRunCommands(item, commands));
    }
  }

  private record Result(int exitCode, String output) {}

  private static Result run(List<String> command) throws Exception {
    return run(new ProcessBuilder(command));
  }

  private static Result run(List<String> command, Path directory) throws Exception {
    return run(new ProcessBuilder(command).directory(directory.toFile()));
  }

  private static Result run(ProcessBuilder builder) throws Exception {
    Process process;
    try {
      process = builder.redirectErrorStream(true).start();
    } catch (IOException notInstalled) {
      return new Result(127, notInstalled.getMessage());
    }
    process.getOutputStream().close();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(process.waitFor(60, TimeUnit.SECONDS), "finished: " + builder.command());
    return new Result(process.exitValue(), output);
  }
}
