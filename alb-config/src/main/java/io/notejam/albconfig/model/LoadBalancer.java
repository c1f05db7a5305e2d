package io.notejam.albconfig.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Optional;

/**
 * One Application Load Balancer, as one YAML or JSON document with the ELBv2 API field names.
 *
 * <p>{@code Name} is the load balancer's name (it feeds the local DNS name and the access-log
 * {@code elb} field).
 */
public record LoadBalancer(
    @JsonProperty("Name") String name,
    @JsonProperty("LoadBalancerAttributes") List<Attribute> loadBalancerAttributes,
    @JsonProperty("Listeners") List<Listener> listeners,
    @JsonProperty("TargetGroups") List<TargetGroup> targetGroups) {

  public LoadBalancer {
    loadBalancerAttributes = Lists.orEmpty(loadBalancerAttributes);
    listeners = Lists.orEmpty(listeners);
    targetGroups = Lists.orEmpty(targetGroups);
  }

  /** The configured value of a load-balancer attribute, or the AWS default. */
  public String attribute(String key) {
    for (Attribute attribute : loadBalancerAttributes) {
      if (key.equals(attribute.key())) {
        return attribute.value();
      }
    }
    return LoadBalancerAttributes.DEFAULTS.get(key);
  }

  /** The target group named {@code name}, or empty. */
  public Optional<TargetGroup> targetGroup(String name) {
    return targetGroups.stream().filter(group -> name.equals(group.name())).findFirst();
  }

  /** The load balancer name, {@code local-alb} when the document gives none. */
  public String nameOrDefault() {
    return name == null || name.isBlank() ? "local-alb" : name;
  }
}
