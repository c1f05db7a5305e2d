package io.notejam.infra.application;

import com.hashicorp.cdktf.TerraformOutput;
import com.hashicorp.cdktf.TerraformVariable;
import io.notejam.albconfig.model.LoadBalancer;
import io.notejam.infra.DeploymentSettings;
import io.notejam.infra.NotejamStack;
import io.notejam.infra.ServiceSpec;
import io.notejam.infra.database.NotejamDatabase;
import io.notejam.infra.loadbalancer.ApplicationLoadBalancer;
import io.notejam.infra.network.Network;
import io.notejam.infra.registry.RegistryStack;
import io.notejam.infra.service.DatabaseAccess;
import io.notejam.infra.service.FargateService;
import io.notejam.infra.service.LoadBalancerTarget;
import io.notejam.infra.service.ServiceAutoScaling;
import io.notejam.infra.service.ServiceCluster;
import io.notejam.infra.service.SessionSecret;
import io.notejam.infra.service.TaskPlacement;
import software.constructs.Construct;

/**
 * What users reach: the load balancer generated from the routing file, and both services on Fargate
 * with their secrets, logs, roles and autoscaling.
 */
public class ApplicationStack extends NotejamStack {

  /** What the application is built on, from the stacks deployed before it. */
  public record Foundations(Network network, NotejamDatabase database, RegistryStack registry) {}

  public ApplicationStack(
      Construct scope,
      String id,
      DeploymentSettings settings,
      Foundations foundations,
      LoadBalancer routing) {
    super(scope, id, settings);
    String prefix = settings.namePrefix();
    Network network = foundations.network();
    var loadBalancer =
        new ApplicationLoadBalancer(
            this,
            "load-balancer",
            prefix,
            routing,
            new ApplicationLoadBalancer.Placement(
                network.vpcId(),
                network.publicSubnetIds(),
                settings.domain(),
                settings.accessLogsBucket()));
    var cluster = new ServiceCluster(this, "cluster", prefix + "-cluster");
    var imageTag = imageTagVariable(settings);
    var database =
        new DatabaseAccess(
            foundations.database().address(),
            NotejamDatabase.MYSQL_PORT,
            foundations.database().masterSecretArn(),
            foundations.database().securityGroupId());
    var placement = new TaskPlacement(network.vpcId(), network.privateSubnetIds());

    for (ServiceSpec spec : ServiceSpec.ALL) {
      var sessionSecret =
          new SessionSecret(this, spec.name() + "-session-secret", prefix, spec.name());
      var registry = foundations.registry().registryOf(spec);
      var service =
          new FargateService(
              this,
              spec.name(),
              prefix,
              new FargateService.Workload(
                  spec,
                  registry.repositoryUrl() + ":" + imageTag.getStringValue(),
                  registry.repositoryArn(),
                  sessionSecret.arn(),
                  settings.region(),
                  accountId(),
                  settings.logRetentionDays()),
              cluster,
              placement,
              database,
              new LoadBalancerTarget(
                  loadBalancer.targetGroupArn(spec.targetGroupName()),
                  loadBalancer.securityGroupId(),
                  loadBalancer.routingResources()));
      new ServiceAutoScaling(
          this, spec.name() + "-autoscaling", cluster.name(), service.serviceName(), accountId());
      TerraformOutput.Builder.create(this, spec.outputPrefix() + "ServiceName")
          .value(service.serviceName())
          .build();
    }

    TerraformOutput.Builder.create(this, "AlbEndpoint")
        .value(loadBalancer.dnsName())
        .description("DNS name of the load balancer")
        .build();
    TerraformOutput.Builder.create(this, "ClusterName").value(cluster.name()).build();
  }

  /**
   * The image tag both services run, a Terraform variable defaulting to {@code NOTEJAM_IMAGE_TAG}.
   * Without either, planning this stack stops and asks for it: CI pushes only commit and build
   * tags, so no guessed default (such as {@code latest}) would exist in the repositories.
   */
  private TerraformVariable imageTagVariable(DeploymentSettings settings) {
    var variable =
        TerraformVariable.Builder.create(this, "image_tag")
            .type("string")
            .description("Tag of the express-svc and flask-svc images to run (CI: the git SHA)");
    settings.imageTag().ifPresent(variable::defaultValue);
    return variable.build();
  }
}
