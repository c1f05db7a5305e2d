package io.notejam.albconfig;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A document that cannot be read or is not a valid load balancer; the message lists every problem.
 */
public class AlbConfigException extends Exception {
  private final transient List<ConfigProblem> problems;

  public AlbConfigException(String source, List<ConfigProblem> problems) {
    super(
        "Invalid load balancer configuration "
            + source
            + ":\n"
            + problems.stream().map(ConfigProblem::describe).collect(Collectors.joining("\n")));
    this.problems = List.copyOf(problems);
  }

  public List<ConfigProblem> problems() {
    return problems;
  }
}
