package io.notejam.rollout;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.services.ecs.model.ContainerDefinition;
import software.amazon.awssdk.services.ecs.model.RegisterTaskDefinitionRequest;
import software.amazon.awssdk.services.ecs.model.Tag;
import software.amazon.awssdk.services.ecs.model.TaskDefinition;

/**
 * The next revision of a task definition: the same in every field, with only some containers'
 * images replaced. Fields are copied by the SDK's own model metadata (every request member that the
 * described task definition also has), so a field ECS adds later is carried over, not dropped.
 */
final class TaskDefinitionRevision {
  private final TaskDefinition current;
  private final List<Tag> tags;

  TaskDefinitionRevision(TaskDefinition current, List<Tag> tags) {
    this.current = current;
    this.tags = tags;
  }

  /** Container name → image, in the task definition's order. */
  Map<String, String> images() {
    return current.containerDefinitions().stream()
        .collect(
            Collectors.toMap(
                ContainerDefinition::name,
                ContainerDefinition::image,
                (a, b) -> a,
                LinkedHashMap::new));
  }

  /** The overrides that would change something (an image already in place is not a change). */
  List<ImageOverride> changes(List<ImageOverride> overrides) {
    Map<String, String> images = images();
    List<String> unknown =
        overrides.stream()
            .map(ImageOverride::container)
            .filter(name -> !images.containsKey(name))
            .toList();
    if (!unknown.isEmpty()) {
      throw new RolloutException(
          ExitCode.USAGE,
          "task definition "
              + familyAndRevision()
              + " has no container named "
              + String.join(", ", unknown)
              + " (its containers: "
              + String.join(", ", images.keySet())
              + ")");
    }
    return overrides.stream().filter(o -> !o.image().equals(images.get(o.container()))).toList();
  }

  /** The registration request for the next revision with these images. */
  RegisterTaskDefinitionRequest withImages(List<ImageOverride> overrides) {
    Map<String, String> replacements =
        overrides.stream()
            .collect(Collectors.toMap(ImageOverride::container, ImageOverride::image, (a, b) -> b));
    RegisterTaskDefinitionRequest.Builder request = RegisterTaskDefinitionRequest.builder();
    copySharedFields(request);
    List<ContainerDefinition> containers = new ArrayList<>();
    for (ContainerDefinition container : current.containerDefinitions()) {
      String image = replacements.get(container.name());
      containers.add(image == null ? container : container.toBuilder().image(image).build());
    }
    return request
        .containerDefinitions(containers)
        // Tags with the reserved aws: prefix are set by AWS itself and may not be registered.
        .tags(tags.stream().filter(tag -> !tag.key().startsWith("aws:")).toList())
        .build();
  }

  String familyAndRevision() {
    return current.family() + ":" + current.revision();
  }

  private void copySharedFields(RegisterTaskDefinitionRequest.Builder request) {
    Map<String, SdkField<?>> described =
        current.sdkFields().stream()
            .collect(Collectors.toMap(SdkField::memberName, field -> field));
    for (SdkField<?> field : request.sdkFields()) {
      SdkField<?> source = described.get(field.memberName());
      if (source != null) {
        field.set(request, source.getValueOrDefault(current));
      }
    }
  }
}
