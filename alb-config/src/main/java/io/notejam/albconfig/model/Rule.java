package io.notejam.albconfig.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** A non-default listener rule. */
public record Rule(
    @JsonProperty("Priority") Integer priority,
    @JsonProperty("Conditions") List<Condition> conditions,
    @JsonProperty("Actions") List<Action> actions,
    @JsonProperty("Transforms") List<Transform> transforms) {

  public Rule {
    conditions = Lists.orEmpty(conditions);
    actions = Lists.orEmpty(actions);
    transforms = Lists.orEmpty(transforms);
  }
}
