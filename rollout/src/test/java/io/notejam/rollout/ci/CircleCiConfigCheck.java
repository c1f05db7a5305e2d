package io.notejam.rollout.ci;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Offline consistency checks of a CircleCI 2.1 config, the ones CircleCI itself would only report
 * after a push: every workflow job, {@code requires}, step, command, orb, executor, parameter and
 * cache key used is declared, and {@code requires} has no cycle. {@link #problems()} lists what is
 * wrong, one readable line each.
 */
final class CircleCiConfigCheck {
  /** Steps CircleCI provides (https://circleci.com/docs/configuration-reference/#steps). */
  static final Set<String> BUILT_IN_STEPS =
      Set.of(
          "run",
          "checkout",
          "setup_remote_docker",
          "save_cache",
          "restore_cache",
          "deploy",
          "store_artifacts",
          "store_test_results",
          "persist_to_workspace",
          "attach_workspace",
          "add_ssh_keys",
          "when",
          "unless");

  /** Pipeline values CircleCI defines (https://circleci.com/docs/variables/#pipeline-values). */
  static final Set<String> PIPELINE_VALUES =
      Set.of(
          "id",
          "number",
          "project.git_url",
          "project.type",
          "git.tag",
          "git.branch",
          "git.revision",
          "git.base_revision",
          "trigger_source",
          "schedule.name",
          "schedule.id");

  private static final Pattern PARAMETER_REFERENCE =
      Pattern.compile("<<\\s*(pipeline\\.parameters|parameters|pipeline)\\.([\\w.-]+)\\s*>>");

  private final Map<String, Object> config;
  private final List<String> problems = new ArrayList<>();

  private CircleCiConfigCheck(Map<String, Object> config) {
    this.config = config;
  }

  static Map<String, Object> parse(String yaml) {
    Object loaded = new Yaml(new SafeConstructor(new LoaderOptions())).load(yaml);
    if (!(loaded instanceof Map<?, ?>)) {
      throw new IllegalArgumentException("a CircleCI config is a YAML mapping");
    }
    return map(loaded);
  }

  static List<String> problemsOf(String yaml) {
    CircleCiConfigCheck check = new CircleCiConfigCheck(parse(yaml));
    check.run();
    return check.problems;
  }

  private void run() {
    if (!"2.1".equals(String.valueOf(config.get("version")))) {
      problems.add("version must be 2.1, is " + config.get("version"));
    }
    Map<String, Object> jobs = section("jobs");
    Map<String, Object> commands = section("commands");
    Map<String, Object> executors = section("executors");
    Set<String> orbs = section("orbs").keySet();

    jobs.forEach(
        (name, body) -> {
          Map<String, Object> job = map(body);
          checkExecutor("job " + name, job.get("executor"), executors.keySet(), orbs);
          checkSteps("job " + name, job.get("steps"), commands, orbs);
          checkParameterReferences("job " + name, job, parametersOf(job));
        });
    commands.forEach(
        (name, body) -> {
          Map<String, Object> command = map(body);
          checkSteps("command " + name, command.get("steps"), commands, orbs);
          checkParameterReferences("command " + name, command, parametersOf(command));
        });
    executors.forEach(
        (name, body) ->
            checkParameterReferences("executor " + name, body, parametersOf(map(body))));
    section("workflows")
        .forEach(
            (name, body) -> {
              if (!"version".equals(name)) {
                checkWorkflow(name, map(body), jobs.keySet(), orbs);
                checkParameterReferences("workflow " + name, body, Map.of());
              }
            });
    checkCaches();
  }

  private void checkWorkflow(
      String name, Map<String, Object> workflow, Set<String> jobs, Set<String> orbs) {
    Map<String, List<String>> requires = new LinkedHashMap<>();
    for (Object entry : list(workflow.get("jobs"))) {
      String job =
          entry instanceof Map<?, ?> m
              ? String.valueOf(m.keySet().iterator().next())
              : String.valueOf(entry);
      Map<String, Object> settings = entry instanceof Map<?, ?> m ? map(m.get(job)) : Map.of();
      if (!jobs.contains(job) && !isOrbReference(job, orbs)) {
        problems.add("workflow " + name + " runs job " + job + ", which is not declared");
      }
      String alias = settings.containsKey("name") ? String.valueOf(settings.get("name")) : job;
      if (requires.containsKey(alias)) {
        problems.add("workflow " + name + " has two jobs named " + alias);
      }
      requires.put(alias, list(settings.get("requires")).stream().map(String::valueOf).toList());
    }
    requires.forEach(
        (job, required) ->
            required.stream()
                .filter(r -> !requires.containsKey(r))
                .forEach(
                    r ->
                        problems.add(
                            "workflow "
                                + name
                                + ": "
                                + job
                                + " requires "
                                + r
                                + ", which is not in the workflow")));
    findCycle(requires)
        .ifPresent(cycle -> problems.add("workflow " + name + " has a requires cycle: " + cycle));
  }

  private static java.util.Optional<String> findCycle(Map<String, List<String>> requires) {
    Map<String, Integer> state = new HashMap<>(); // 1 = on the current path, 2 = done
    for (String start : requires.keySet()) {
      List<String> path = new ArrayList<>();
      if (visit(start, requires, state, path)) {
        return java.util.Optional.of(String.join(" -> ", path));
      }
    }
    return java.util.Optional.empty();
  }

  private static boolean visit(
      String job,
      Map<String, List<String>> requires,
      Map<String, Integer> state,
      List<String> path) {
    Integer seen = state.get(job);
    if (seen != null) {
      if (seen == 1) {
        path.add(job);
        return true;
      }
      return false;
    }
    state.put(job, 1);
    path.add(job);
    for (String next : requires.getOrDefault(job, List.of())) {
      if (visit(next, requires, state, path)) {
        return true;
      }
    }
    path.remove(path.size() - 1);
    state.put(job, 2);
    return false;
  }

  private void checkExecutor(
      String where, Object executor, Set<String> executors, Set<String> orbs) {
    if (executor == null) {
      return;
    }
    String name =
        executor instanceof Map<?, ?> m ? String.valueOf(m.get("name")) : String.valueOf(executor);
    if (!executors.contains(name) && !isOrbReference(name, orbs)) {
      problems.add(where + " uses executor " + name + ", which is not declared");
    }
  }

  private void checkSteps(
      String where, Object steps, Map<String, Object> commands, Set<String> orbs) {
    if (steps == null) {
      problems.add(where + " has no steps");
      return;
    }
    for (Object step : list(steps)) {
      String name;
      Map<String, Object> arguments = Map.of();
      if (step instanceof Map<?, ?> m) {
        if (m.size() != 1) {
          problems.add(where + " has a step with " + m.size() + " keys: " + m.keySet());
          continue;
        }
        name = String.valueOf(m.keySet().iterator().next());
        Object value = m.get(name);
        arguments = value instanceof Map<?, ?> ? map(value) : Map.of();
        if ("when".equals(name) || "unless".equals(name)) {
          checkSteps(where + " (" + name + ")", arguments.get("steps"), commands, orbs);
        }
      } else {
        name = String.valueOf(step);
      }
      if (BUILT_IN_STEPS.contains(name) || isOrbReference(name, orbs)) {
        continue;
      }
      if (!commands.containsKey(name)) {
        problems.add(
            where + " uses step " + name + ", which is neither built in nor a declared command");
        continue;
      }
      checkArguments(where, name, parametersOf(map(commands.get(name))), arguments);
    }
  }

  private void checkArguments(
      String where, String command, Map<String, Object> declared, Map<String, Object> given) {
    given.keySet().stream()
        .filter(argument -> !declared.containsKey(argument))
        .forEach(
            argument ->
                problems.add(
                    where
                        + " passes "
                        + argument
                        + " to "
                        + command
                        + ", which does not declare it"));
    declared.forEach(
        (parameter, definition) -> {
          if (!map(definition).containsKey("default") && !given.containsKey(parameter)) {
            problems.add(
                where + " calls " + command + " without its required parameter " + parameter);
          }
        });
  }

  private void checkParameterReferences(String where, Object body, Map<String, Object> parameters) {
    Set<String> pipelineParameters = section("parameters").keySet();
    for (String text : strings(body)) {
      Matcher reference = PARAMETER_REFERENCE.matcher(text);
      while (reference.find()) {
        String scope = reference.group(1);
        String name = reference.group(2);
        boolean declared =
            switch (scope) {
              case "parameters" -> parameters.containsKey(name);
              case "pipeline.parameters" -> pipelineParameters.contains(name);
              default -> PIPELINE_VALUES.contains(name);
            };
        if (!declared) {
          problems.add(where + " refers to " + reference.group() + ", which is not declared");
        }
      }
    }
  }

  /** Every cache a job saves is restored somewhere by the same key, or it is dead weight. */
  private void checkCaches() {
    Set<String> restored = new HashSet<>();
    List<String> saved = new ArrayList<>();
    collectCacheKeys(config, restored, saved);
    saved.stream()
        .filter(key -> !restored.contains(key))
        .forEach(key -> problems.add("cache " + key + " is saved but never restored"));
  }

  private static void collectCacheKeys(Object node, Set<String> restored, List<String> saved) {
    if (node instanceof Map<?, ?> m) {
      m.forEach(
          (key, value) -> {
            if ("restore_cache".equals(key) && value instanceof Map<?, ?> restore) {
              list(restore.get("keys")).forEach(k -> restored.add(String.valueOf(k)));
              if (restore.get("key") != null) {
                restored.add(String.valueOf(restore.get("key")));
              }
            } else if ("save_cache".equals(key) && value instanceof Map<?, ?> save) {
              saved.add(String.valueOf(save.get("key")));
            } else {
              collectCacheKeys(value, restored, saved);
            }
          });
    } else if (node instanceof List<?> l) {
      l.forEach(item -> collectCacheKeys(item, restored, saved));
    }
  }

  private static boolean isOrbReference(String name, Set<String> orbs) {
    int slash = name.indexOf('/');
    return slash > 0 && orbs.contains(name.substring(0, slash));
  }

  private Map<String, Object> section(String name) {
    return map(config.get(name));
  }

  private static Map<String, Object> parametersOf(Map<String, Object> definition) {
    return map(definition.get("parameters"));
  }

  /** Every string in a YAML tree, keys included. */
  static List<String> strings(Object node) {
    List<String> found = new ArrayList<>();
    if (node instanceof Map<?, ?> m) {
      m.forEach(
          (key, value) -> {
            found.add(String.valueOf(key));
            found.addAll(strings(value));
          });
    } else if (node instanceof List<?> l) {
      l.forEach(item -> found.addAll(strings(item)));
    } else if (node != null) {
      found.add(String.valueOf(node));
    }
    return found;
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> map(Object node) {
    return node instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
  }

  static List<?> list(Object node) {
    return node instanceof List<?> l ? l : List.of();
  }
}
