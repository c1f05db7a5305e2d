package io.notejam.infra;

import java.util.Map;
import java.util.Optional;

/**
 * Where Terraform keeps state: an S3 bucket with a DynamoDB lock table, or, only when asked for
 * explicitly with {@code NOTEJAM_LOCAL_STATE=true}, local files (for trying a synth or a throwaway
 * account). A deployment with neither fails fast instead of silently keeping state on a laptop.
 */
public record StateBackendSettings(
    Optional<String> bucket, Optional<String> lockTable, String region) {

  public StateBackendSettings {
    if (bucket.isPresent() != lockTable.isPresent()) {
      throw new IllegalArgumentException(
          "Set both NOTEJAM_STATE_BUCKET and NOTEJAM_STATE_LOCK_TABLE: state without a lock table"
              + " lets two deploys corrupt it");
    }
  }

  public static StateBackendSettings fromEnvironment(Map<String, String> env, String region) {
    Optional<String> bucket = DeploymentSettings.value(env, "NOTEJAM_STATE_BUCKET");
    Optional<String> lockTable = DeploymentSettings.value(env, "NOTEJAM_STATE_LOCK_TABLE");
    boolean local =
        DeploymentSettings.value(env, "NOTEJAM_LOCAL_STATE")
            .map(Boolean::parseBoolean)
            .orElse(false);
    if (bucket.isEmpty() && !local) {
      throw new IllegalArgumentException(
          "No Terraform state backend: set NOTEJAM_STATE_BUCKET and NOTEJAM_STATE_LOCK_TABLE"
              + " (S3 + DynamoDB), or NOTEJAM_LOCAL_STATE=true to keep state in local files");
    }
    if (bucket.isPresent() && local) {
      throw new IllegalArgumentException(
          "NOTEJAM_LOCAL_STATE=true and NOTEJAM_STATE_BUCKET are both set: choose one");
    }
    return new StateBackendSettings(
        bucket, lockTable, DeploymentSettings.value(env, "NOTEJAM_STATE_REGION").orElse(region));
  }

  public boolean isRemote() {
    return bucket.isPresent();
  }
}
