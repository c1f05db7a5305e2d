package io.notejam.infra.loadbalancer;

import com.hashicorp.cdktf.providers.aws.lb_listener.LbListenerDefaultAction;
import com.hashicorp.cdktf.providers.aws.lb_listener.LbListenerDefaultActionFixedResponse;
import com.hashicorp.cdktf.providers.aws.lb_listener.LbListenerDefaultActionForward;
import com.hashicorp.cdktf.providers.aws.lb_listener.LbListenerDefaultActionForwardStickiness;
import com.hashicorp.cdktf.providers.aws.lb_listener.LbListenerDefaultActionForwardTargetGroup;
import com.hashicorp.cdktf.providers.aws.lb_listener.LbListenerDefaultActionRedirect;
import com.hashicorp.cdktf.providers.aws.lb_listener_rule.LbListenerRuleAction;
import com.hashicorp.cdktf.providers.aws.lb_listener_rule.LbListenerRuleActionFixedResponse;
import com.hashicorp.cdktf.providers.aws.lb_listener_rule.LbListenerRuleActionForward;
import com.hashicorp.cdktf.providers.aws.lb_listener_rule.LbListenerRuleActionForwardStickiness;
import com.hashicorp.cdktf.providers.aws.lb_listener_rule.LbListenerRuleActionForwardTargetGroup;
import com.hashicorp.cdktf.providers.aws.lb_listener_rule.LbListenerRuleActionRedirect;
import io.notejam.albconfig.model.Action;
import java.util.List;

/**
 * The routing file's actions as Terraform listener actions. A forward to one group without group
 * stickiness becomes {@code target_group_arn} (what the API returns for it, so plans stay clean);
 * weighted or sticky forwards become a {@code forward} block. Each action is resolved once ({@link
 * Resolved}); the provider has separate but identical types for default actions and rule actions,
 * so two plain field mappings follow.
 */
final class ListenerActions {

  private ListenerActions() {}

  /** An action with its target groups resolved to ARNs, independent of the provider's types. */
  private record Resolved(
      Action action, String singleTargetGroupArn, List<WeightedArn> weightedTargets) {

    record WeightedArn(String arn, int weight) {}

    static Resolved of(Action action, RoutingTargetGroups groups) {
      if (!action.isTerminal()) {
        throw new UnsupportedRoutingException(
            "Action type "
                + action.type()
                + " is not deployed by infra-cdktf (no identity provider is configured)");
      }
      if (!Action.FORWARD.equals(action.type())) {
        return new Resolved(action, null, List.of());
      }
      boolean sticky =
          action.forwardConfig() != null
              && action.forwardConfig().targetGroupStickinessConfig() != null;
      if (action.forwardTargets().size() == 1 && !sticky) {
        return new Resolved(
            action, groups.arnOf(action.forwardTargets().get(0).groupName()), List.of());
      }
      return new Resolved(
          action,
          null,
          action.forwardTargets().stream()
              .map(t -> new WeightedArn(groups.arnOf(t.groupName()), t.weightOrDefault()))
              .toList());
    }

    Action.StickinessConfig stickiness() {
      return action.forwardConfig() != null
          ? action.forwardConfig().targetGroupStickinessConfig()
          : null;
    }
  }

  static List<LbListenerDefaultAction> defaultActions(
      List<Action> actions, RoutingTargetGroups groups) {
    return actions.stream().map(action -> defaultAction(Resolved.of(action, groups))).toList();
  }

  static List<LbListenerRuleAction> ruleActions(List<Action> actions, RoutingTargetGroups groups) {
    return actions.stream().map(action -> ruleAction(Resolved.of(action, groups))).toList();
  }

  private static LbListenerDefaultAction defaultAction(Resolved resolved) {
    Action action = resolved.action();
    var builder =
        LbListenerDefaultAction.builder()
            .type(action.type())
            .order(action.order())
            .targetGroupArn(resolved.singleTargetGroupArn());
    if (!resolved.weightedTargets().isEmpty()) {
      var stickiness = resolved.stickiness();
      builder.forward(
          LbListenerDefaultActionForward.builder()
              .targetGroup(
                  resolved.weightedTargets().stream()
                      .map(
                          t ->
                              LbListenerDefaultActionForwardTargetGroup.builder()
                                  .arn(t.arn())
                                  .weight(t.weight())
                                  .build())
                      .toList())
              .stickiness(
                  stickiness == null
                      ? null
                      : LbListenerDefaultActionForwardStickiness.builder()
                          .enabled(stickiness.isEnabled())
                          .duration(stickiness.durationSeconds())
                          .build())
              .build());
    }
    if (action.redirectConfig() != null) {
      var redirect = action.redirectConfig();
      builder.redirect(
          LbListenerDefaultActionRedirect.builder()
              .protocol(redirect.protocol())
              .host(redirect.host())
              .port(redirect.port())
              .path(redirect.path())
              .query(redirect.query())
              .statusCode(redirect.statusCode())
              .build());
    }
    if (action.fixedResponseConfig() != null) {
      var fixed = action.fixedResponseConfig();
      builder.fixedResponse(
          LbListenerDefaultActionFixedResponse.builder()
              .statusCode(fixed.statusCode())
              .contentType(fixed.contentType())
              .messageBody(fixed.messageBody())
              .build());
    }
    return builder.build();
  }

  private static LbListenerRuleAction ruleAction(Resolved resolved) {
    Action action = resolved.action();
    var builder =
        LbListenerRuleAction.builder()
            .type(action.type())
            .order(action.order())
            .targetGroupArn(resolved.singleTargetGroupArn());
    if (!resolved.weightedTargets().isEmpty()) {
      var stickiness = resolved.stickiness();
      builder.forward(
          LbListenerRuleActionForward.builder()
              .targetGroup(
                  resolved.weightedTargets().stream()
                      .map(
                          t ->
                              LbListenerRuleActionForwardTargetGroup.builder()
                                  .arn(t.arn())
                                  .weight(t.weight())
                                  .build())
                      .toList())
              .stickiness(
                  stickiness == null
                      ? null
                      : LbListenerRuleActionForwardStickiness.builder()
                          .enabled(stickiness.isEnabled())
                          .duration(stickiness.durationSeconds())
                          .build())
              .build());
    }
    if (action.redirectConfig() != null) {
      var redirect = action.redirectConfig();
      builder.redirect(
          LbListenerRuleActionRedirect.builder()
              .protocol(redirect.protocol())
              .host(redirect.host())
              .port(redirect.port())
              .path(redirect.path())
              .query(redirect.query())
              .statusCode(redirect.statusCode())
              .build());
    }
    if (action.fixedResponseConfig() != null) {
      var fixed = action.fixedResponseConfig();
      builder.fixedResponse(
          LbListenerRuleActionFixedResponse.builder()
              .statusCode(fixed.statusCode())
              .contentType(fixed.contentType())
              .messageBody(fixed.messageBody())
              .build());
    }
    return builder.build();
  }
}
