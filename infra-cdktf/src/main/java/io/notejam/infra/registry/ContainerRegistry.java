package io.notejam.infra.registry;

import com.hashicorp.cdktf.providers.aws.ecr_lifecycle_policy.EcrLifecyclePolicy;
import com.hashicorp.cdktf.providers.aws.ecr_repository.EcrRepository;
import com.hashicorp.cdktf.providers.aws.ecr_repository.EcrRepositoryImageScanningConfiguration;
import io.notejam.infra.Json;
import java.util.List;
import java.util.Map;
import software.constructs.Construct;

/** An ECR repository for one service's images: scanned on push, old images expired. */
public class ContainerRegistry extends Construct {

  /** Images kept for rollbacks; CI pushes one per build (git SHA and build number tags). */
  static final int IMAGES_KEPT = 30;

  /** Untagged images are leftovers of re-pushed tags: nothing can deploy them. */
  static final int UNTAGGED_DAYS_KEPT = 7;

  private final EcrRepository repository;

  public ContainerRegistry(Construct scope, String id, String repositoryName) {
    super(scope, id);
    repository =
        EcrRepository.Builder.create(this, "repository")
            .name(repositoryName)
            .imageTagMutability("MUTABLE")
            .imageScanningConfiguration(
                EcrRepositoryImageScanningConfiguration.builder().scanOnPush(true).build())
            .build();
    EcrLifecyclePolicy.Builder.create(this, "lifecycle-policy")
        .repository(repository.getName())
        .policy(lifecyclePolicy())
        .build();
  }

  public String repositoryUrl() {
    return repository.getRepositoryUrl();
  }

  public String repositoryArn() {
    return repository.getArn();
  }

  private static String lifecyclePolicy() {
    var expireUntagged =
        Map.of(
            "rulePriority",
            1,
            "description",
            "Expire untagged images after " + UNTAGGED_DAYS_KEPT + " days",
            "selection",
            Map.of(
                "tagStatus", "untagged",
                "countType", "sinceImagePushed",
                "countUnit", "days",
                "countNumber", UNTAGGED_DAYS_KEPT),
            "action",
            Map.of("type", "expire"));
    var keepLatest =
        Map.of(
            "rulePriority",
            2,
            "description",
            "Keep only the latest " + IMAGES_KEPT + " images",
            "selection",
            Map.of(
                "tagStatus", "any",
                "countType", "imageCountMoreThan",
                "countNumber", IMAGES_KEPT),
            "action",
            Map.of("type", "expire"));
    return Json.write(Map.of("rules", List.of(expireUntagged, keepLatest)));
  }
}
