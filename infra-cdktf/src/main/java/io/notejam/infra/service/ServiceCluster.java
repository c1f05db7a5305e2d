package io.notejam.infra.service;

import com.hashicorp.cdktf.providers.aws.ecs_cluster.EcsCluster;
import com.hashicorp.cdktf.providers.aws.ecs_cluster.EcsClusterSetting;
import java.util.List;
import software.constructs.Construct;

/** The ECS cluster the Fargate services run in, with Container Insights metrics. */
public class ServiceCluster extends Construct {

  private final EcsCluster cluster;

  public ServiceCluster(Construct scope, String id, String name) {
    super(scope, id);
    cluster =
        EcsCluster.Builder.create(this, "cluster")
            .name(name)
            .setting(
                List.of(
                    EcsClusterSetting.builder().name("containerInsights").value("enabled").build()))
            .build();
  }

  public String name() {
    return cluster.getName();
  }

  public String arn() {
    return cluster.getArn();
  }
}
