package io.notejam.infra.service;

import com.hashicorp.cdktf.providers.aws.appautoscaling_policy.AppautoscalingPolicy;
import com.hashicorp.cdktf.providers.aws.appautoscaling_policy.AppautoscalingPolicyTargetTrackingScalingPolicyConfiguration;
import com.hashicorp.cdktf.providers.aws.appautoscaling_policy.AppautoscalingPolicyTargetTrackingScalingPolicyConfigurationPredefinedMetricSpecification;
import com.hashicorp.cdktf.providers.aws.appautoscaling_target.AppautoscalingTarget;
import software.constructs.Construct;

/**
 * Application Auto Scaling of one ECS service: 2 to 100 tasks, tracking 90% average CPU (the seed's
 * numbers). Scale-out reacts within a minute; scale-in waits five, so a short lull does not drop
 * tasks that the next burst needs again.
 */
public class ServiceAutoScaling extends Construct {

  public static final int MIN_TASKS = 2;
  public static final int MAX_TASKS = 100;
  static final int TARGET_CPU_PERCENT = 90;
  static final int SCALE_OUT_COOLDOWN_SECONDS = 60;
  static final int SCALE_IN_COOLDOWN_SECONDS = 300;

  public ServiceAutoScaling(
      Construct scope, String id, String clusterName, String serviceName, String accountId) {
    super(scope, id);
    var target =
        AppautoscalingTarget.Builder.create(this, "target")
            .serviceNamespace("ecs")
            .scalableDimension("ecs:service:DesiredCount")
            .resourceId("service/" + clusterName + "/" + serviceName)
            .minCapacity(MIN_TASKS)
            .maxCapacity(MAX_TASKS)
            // AWS uses this service-linked role for ECS whatever role is passed; naming it keeps
            // plans clean.
            .roleArn(
                "arn:aws:iam::"
                    + accountId
                    + ":role/aws-service-role/ecs.application-autoscaling.amazonaws.com/"
                    + "AWSServiceRoleForApplicationAutoScaling_ECSService")
            .build();
    AppautoscalingPolicy.Builder.create(this, "cpu-tracking")
        .name(serviceName + "-cpu-" + TARGET_CPU_PERCENT)
        .policyType("TargetTrackingScaling")
        .serviceNamespace(target.getServiceNamespace())
        .scalableDimension(target.getScalableDimension())
        .resourceId(target.getResourceId())
        .targetTrackingScalingPolicyConfiguration(
            AppautoscalingPolicyTargetTrackingScalingPolicyConfiguration.builder()
                .predefinedMetricSpecification(
                    AppautoscalingPolicyTargetTrackingScalingPolicyConfigurationPredefinedMetricSpecification
                        .builder()
                        .predefinedMetricType("ECSServiceAverageCPUUtilization")
                        .build())
                .targetValue(TARGET_CPU_PERCENT)
                .scaleOutCooldown(SCALE_OUT_COOLDOWN_SECONDS)
                .scaleInCooldown(SCALE_IN_COOLDOWN_SECONDS)
                .build())
        .build();
  }
}
