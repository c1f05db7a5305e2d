package io.notejam.infra.service;

import com.hashicorp.cdktf.TerraformResourceLifecycle;
import com.hashicorp.cdktf.providers.aws.data_aws_secretsmanager_random_password.DataAwsSecretsmanagerRandomPassword;
import com.hashicorp.cdktf.providers.aws.secretsmanager_secret.SecretsmanagerSecret;
import com.hashicorp.cdktf.providers.aws.secretsmanager_secret_version.SecretsmanagerSecretVersion;
import java.util.List;
import software.constructs.Construct;

/**
 * The key a service signs and encrypts its session cookies with, shared by all of its tasks (a
 * session must survive landing on another task). Secrets Manager generates it once; later plans
 * ignore the newly generated candidate, so a deploy never logs everyone out. Rotate it by putting a
 * new value in the secret and redeploying the service.
 */
public class SessionSecret extends Construct {

  static final int LENGTH = 64;

  private final SecretsmanagerSecret secret;

  public SessionSecret(Construct scope, String id, String namePrefix, String serviceName) {
    super(scope, id);
    secret =
        SecretsmanagerSecret.Builder.create(this, "secret")
            // A prefix, not a fixed name: a deleted secret's name stays reserved for its recovery
            // window.
            .namePrefix(namePrefix + "/" + serviceName + "/session-secret-")
            .description("Session cookie key of " + serviceName + " (NOTEJAM_SESSION_SECRET)")
            .build();
    var generated =
        DataAwsSecretsmanagerRandomPassword.Builder.create(this, "generated")
            .passwordLength(LENGTH)
            .excludePunctuation(true)
            .build();
    SecretsmanagerSecretVersion.Builder.create(this, "initial-value")
        .secretId(secret.getId())
        .secretString(generated.getRandomPassword())
        .lifecycle(
            TerraformResourceLifecycle.builder().ignoreChanges(List.of("secret_string")).build())
        .build();
  }

  public String arn() {
    return secret.getArn();
  }
}
