package io.notejam.infra.service;

import com.hashicorp.cdktf.ITerraformDependable;
import java.util.List;

/**
 * Where a service's tasks register: the target group, the load balancer's security group (the only
 * source let in), and the listeners and rules that must exist first (ECS refuses a target group
 * that no listener uses yet).
 */
public record LoadBalancerTarget(
    String targetGroupArn,
    String loadBalancerSecurityGroupId,
    List<ITerraformDependable> routingResources) {}
