package io.notejam.infra.iam;

import com.hashicorp.cdktf.providers.aws.iam_role.IamRole;
import com.hashicorp.cdktf.providers.aws.iam_role_policy.IamRolePolicy;
import com.hashicorp.cdktf.providers.aws.iam_role_policy_attachment.IamRolePolicyAttachment;
import io.notejam.infra.Json;
import java.util.List;
import java.util.Map;
import software.constructs.Construct;

/**
 * An IAM role that one AWS service principal may assume, with an inline policy listing exactly what
 * it may do. Nothing wider is attached unless a caller asks for an AWS managed policy.
 */
public class ServiceRole extends Construct {

  private final IamRole role;

  public ServiceRole(
      Construct scope,
      String id,
      String roleName,
      String servicePrincipal,
      String description,
      String accountId) {
    super(scope, id);
    var trust =
        Map.of(
            "Version",
            "2012-10-17",
            "Statement",
            List.of(
                Map.of(
                    "Effect",
                    "Allow",
                    "Principal",
                    Map.of("Service", servicePrincipal),
                    "Action",
                    "sts:AssumeRole",
                    // Confused-deputy guard: only this account's use of the service may assume it.
                    "Condition",
                    Map.of("StringEquals", Map.of("aws:SourceAccount", accountId)))));
    role =
        IamRole.Builder.create(this, "role")
            .name(roleName)
            .description(description)
            .assumeRolePolicy(Json.write(trust))
            .build();
  }

  /** Adds an inline policy (named {@code policyName}) with these statements. */
  public ServiceRole allow(String policyName, List<PolicyStatement> statements) {
    var document =
        Map.of(
            "Version",
            "2012-10-17",
            "Statement",
            statements.stream().map(PolicyStatement::toDocument).toList());
    IamRolePolicy.Builder.create(this, policyName)
        .name(policyName)
        .role(role.getId())
        .policy(Json.write(document))
        .build();
    return this;
  }

  public ServiceRole attachManagedPolicy(String id, String policyArn) {
    IamRolePolicyAttachment.Builder.create(this, id)
        .role(role.getName())
        .policyArn(policyArn)
        .build();
    return this;
  }

  public String arn() {
    return role.getArn();
  }
}
