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
 * weighted or sticky forwards become a {@code forward} block. The provider has separate types for
 * default actions and rule actions with the same fields, hence two small adapters.
 */
final class ListenerActions {

  private ListenerActions() {}

  static List<LbListenerDefaultAction> defaultActions(
      List<Action> actions, RoutingTargetGroups groups) {
    return actions.stream().map(action -> defaultAction(action, groups)).toList();
  }

  static List<LbListenerRuleAction> ruleActions(List<Action> actions, RoutingTargetGroups groups) {
    return actions.stream().map(action -> ruleAction(action, groups)).toList();
  }

  private static LbListenerDefaultAction defaultAction(Action action, RoutingTargetGroups groups) {
    var builder = LbListenerDefaultAction.builder().type(checkedType(action)).order(action.order());
    switch (action.type()) {
      case Action.FORWARD -> {
        if (isSimpleForward(action)) {
          builder.targetGroupArn(groups.arnOf(action.forwardTargets().get(0).groupName()));
        } else {
          var forward =
              LbListenerDefaultActionForward.builder()
                  .targetGroup(
                      action.forwardTargets().stream()
                          .map(
                              target ->
                                  LbListenerDefaultActionForwardTargetGroup.builder()
                                      .arn(groups.arnOf(target.groupName()))
                                      .weight(target.weightOrDefault())
                                      .build())
                          .toList());
          var stickiness = action.forwardConfig().targetGroupStickinessConfig();
          if (stickiness != null) {
            forward.stickiness(
                LbListenerDefaultActionForwardStickiness.builder()
                    .enabled(stickiness.isEnabled())
                    .duration(stickiness.durationSeconds())
                    .build());
          }
          builder.forward(forward.build());
        }
      }
      case Action.REDIRECT -> {
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
      default -> {
        var fixed = action.fixedResponseConfig();
        builder.fixedResponse(
            LbListenerDefaultActionFixedResponse.builder()
                .statusCode(fixed.statusCode())
                .contentType(fixed.contentType())
                .messageBody(fixed.messageBody())
                .build());
      }
    }
    return builder.build();
  }

  private static LbListenerRuleAction ruleAction(Action action, RoutingTargetGroups groups) {
    var builder = LbListenerRuleAction.builder().type(checkedType(action)).order(action.order());
    switch (action.type()) {
      case Action.FORWARD -> {
        if (isSimpleForward(action)) {
          builder.targetGroupArn(groups.arnOf(action.forwardTargets().get(0).groupName()));
        } else {
          var forward =
              LbListenerRuleActionForward.builder()
                  .targetGroup(
                      action.forwardTargets().stream()
                          .map(
                              target ->
                                  LbListenerRuleActionForwardTargetGroup.builder()
                                      .arn(groups.arnOf(target.groupName()))
                                      .weight(target.weightOrDefault())
                                      .build())
                          .toList());
          var stickiness = action.forwardConfig().targetGroupStickinessConfig();
          if (stickiness != null) {
            forward.stickiness(
                LbListenerRuleActionForwardStickiness.builder()
                    .enabled(stickiness.isEnabled())
                    .duration(stickiness.durationSeconds())
                    .build());
          }
          builder.forward(forward.build());
        }
      }
      case Action.REDIRECT -> {
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
      default -> {
        var fixed = action.fixedResponseConfig();
        builder.fixedResponse(
            LbListenerRuleActionFixedResponse.builder()
                .statusCode(fixed.statusCode())
                .contentType(fixed.contentType())
                .messageBody(fixed.messageBody())
                .build());
      }
    }
    return builder.build();
  }

  private static boolean isSimpleForward(Action action) {
    return action.forwardTargets().size() == 1
        && (action.forwardConfig() == null
            || action.forwardConfig().targetGroupStickinessConfig() == null);
  }

  private static String checkedType(Action action) {
    if (!Action.FORWARD.equals(action.type())
        && !Action.REDIRECT.equals(action.type())
        && !Action.FIXED_RESPONSE.equals(action.type())) {
      throw new UnsupportedRoutingException(
          "Action type "
              + action.type()
              + " is not deployed by infra-cdktf (no identity provider is configured)");
    }
    return action.type();
  }
}
