package io.notejam.infra;

import com.hashicorp.cdktf.LocalBackend;
import com.hashicorp.cdktf.LocalBackendConfig;
import com.hashicorp.cdktf.S3Backend;
import com.hashicorp.cdktf.TerraformStack;
import com.hashicorp.cdktf.providers.aws.data_aws_caller_identity.DataAwsCallerIdentity;
import com.hashicorp.cdktf.providers.aws.provider.AwsProvider;
import com.hashicorp.cdktf.providers.aws.provider.AwsProviderDefaultTags;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import software.constructs.Construct;

/**
 * A stack with what every notejam stack shares: the AWS provider for the deployment's region, tags
 * on every resource, and its own state file in the configured backend.
 */
public abstract class NotejamStack extends TerraformStack {

  protected final DeploymentSettings settings;
  private DataAwsCallerIdentity callerIdentity;

  protected NotejamStack(Construct scope, String id, DeploymentSettings settings) {
    super(scope, id);
    this.settings = settings;
    AwsProvider.Builder.create(this, "aws")
        .region(settings.region())
        .defaultTags(
            List.of(
                AwsProviderDefaultTags.builder()
                    .tags(
                        Map.of(
                            "Project",
                            "notejam",
                            "Environment",
                            settings.environment(),
                            "Stack",
                            id,
                            "ManagedBy",
                            "cdktf"))
                    .build()))
        .build();
    useStateBackend(id, settings.stateBackend());
  }

  /** The account being deployed to, as Terraform sees it at plan time. */
  protected String accountId() {
    if (callerIdentity == null) {
      callerIdentity = new DataAwsCallerIdentity(this, "account");
    }
    return callerIdentity.getAccountId();
  }

  private void useStateBackend(String stackId, StateBackendSettings backend) {
    String stateFile = settings.namePrefix() + "/" + stackId + ".tfstate";
    if (backend.isRemote()) {
      S3Backend.Builder.create(this)
          .bucket(backend.bucket().orElseThrow())
          .dynamodbTable(backend.lockTable().orElseThrow())
          .key(stateFile)
          .region(backend.region())
          .encrypt(true)
          .build();
    } else {
      // Absolute: Terraform runs inside cdktf.out/stacks/<stack>, which every synth rewrites.
      String path = Path.of("terraform-state", stateFile).toAbsolutePath().toString();
      new LocalBackend(this, LocalBackendConfig.builder().path(path).build());
    }
  }
}
