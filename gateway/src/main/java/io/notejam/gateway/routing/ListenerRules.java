package io.notejam.gateway.routing;

import io.notejam.albconfig.model.Action;
import io.notejam.albconfig.model.Listener;
import io.notejam.albconfig.model.Rule;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Predicate;

/**
 * A listener's rules in ascending priority; the first whose conditions all hold wins, and the
 * default rule (priority 0 in the log) answers everything else.
 */
public final class ListenerRules {
  private final List<CompiledRule> rules;
  private final RuleMatch defaultRule;

  public ListenerRules(Listener listener) {
    List<CompiledRule> compiled = new ArrayList<>();
    for (Rule rule : listener.rules()) {
      List<Predicate<RequestFacts>> conditions =
          rule.conditions().stream().map(CompiledCondition::compile).toList();
      List<UrlTransform> transforms = rule.transforms().stream().map(UrlTransform::new).toList();
      compiled.add(
          new CompiledRule(
              conditions, new RuleMatch(rule.priority(), terminal(rule.actions()), transforms)));
    }
    compiled.sort(Comparator.comparingInt(rule -> rule.match().priority()));
    this.rules = List.copyOf(compiled);
    this.defaultRule = new RuleMatch(0, terminal(listener.defaultActions()), List.of());
  }

  public RuleMatch match(RequestFacts facts) {
    for (CompiledRule rule : rules) {
      if (rule.matches(facts)) {
        return rule.match();
      }
    }
    return defaultRule;
  }

  /**
   * The forward, redirect or fixed-response action: the validator made it the only terminal one.
   */
  private static Action terminal(List<Action> actions) {
    return actions.stream().filter(Action::isTerminal).findFirst().orElseThrow();
  }

  private record CompiledRule(List<Predicate<RequestFacts>> conditions, RuleMatch match) {
    boolean matches(RequestFacts facts) {
      for (Predicate<RequestFacts> condition : conditions) {
        if (!condition.test(facts)) {
          return false;
        }
      }
      return true;
    }
  }
}
