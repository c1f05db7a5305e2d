package io.notejam.gateway.routing;

import io.notejam.albconfig.model.Action;
import java.util.List;

/**
 * The rule a request matched: its priority ({@code 0} for the default rule, as the access log
 * writes it), its terminal action and its transforms.
 */
public record RuleMatch(int priority, Action action, List<UrlTransform> transforms) {}
