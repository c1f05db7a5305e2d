package io.notejam.infra.network;

import com.hashicorp.cdktf.providers.aws.security_group.SecurityGroup;
import com.hashicorp.cdktf.providers.aws.vpc_security_group_egress_rule.VpcSecurityGroupEgressRule;
import com.hashicorp.cdktf.providers.aws.vpc_security_group_ingress_rule.VpcSecurityGroupIngressRule;
import java.util.Map;
import software.constructs.Construct;

/**
 * Security groups and their rules, one rule per resource so that each rule is visible (and
 * testable) on its own. A group starts closed both ways: Terraform removes AWS's default allow-all
 * egress, and each construct opens exactly what it needs.
 */
public final class Firewall {

  private Firewall() {}

  public static SecurityGroup securityGroup(
      Construct scope, String id, String vpcId, String name, String description) {
    return SecurityGroup.Builder.create(scope, id)
        .name(name)
        .description(description)
        .vpcId(vpcId)
        .tags(Map.of("Name", name))
        .build();
  }

  /** Lets {@code source}'s members open TCP connections to {@code target} on {@code port}. */
  public static void allowTcpBetweenGroups(
      Construct scope,
      String id,
      String targetGroupId,
      String sourceGroupId,
      int port,
      String why) {
    VpcSecurityGroupIngressRule.Builder.create(scope, id)
        .securityGroupId(targetGroupId)
        .referencedSecurityGroupId(sourceGroupId)
        .ipProtocol("tcp")
        .fromPort(port)
        .toPort(port)
        .description(why)
        .build();
  }

  public static void allowTcpInFromAnywhere(
      Construct scope, String id, String targetGroupId, int port, String why) {
    VpcSecurityGroupIngressRule.Builder.create(scope, id + "-ipv4")
        .securityGroupId(targetGroupId)
        .cidrIpv4("0.0.0.0/0")
        .ipProtocol("tcp")
        .fromPort(port)
        .toPort(port)
        .description(why)
        .build();
    VpcSecurityGroupIngressRule.Builder.create(scope, id + "-ipv6")
        .securityGroupId(targetGroupId)
        .cidrIpv6("::/0")
        .ipProtocol("tcp")
        .fromPort(port)
        .toPort(port)
        .description(why)
        .build();
  }

  public static void allowTcpOutToGroup(
      Construct scope, String id, String groupId, String destinationGroupId, int port, String why) {
    VpcSecurityGroupEgressRule.Builder.create(scope, id)
        .securityGroupId(groupId)
        .referencedSecurityGroupId(destinationGroupId)
        .ipProtocol("tcp")
        .fromPort(port)
        .toPort(port)
        .description(why)
        .build();
  }

  public static void allowTcpOutToAnywhere(
      Construct scope, String id, String groupId, int port, String why) {
    VpcSecurityGroupEgressRule.Builder.create(scope, id)
        .securityGroupId(groupId)
        .cidrIpv4("0.0.0.0/0")
        .ipProtocol("tcp")
        .fromPort(port)
        .toPort(port)
        .description(why)
        .build();
  }
}
