package io.notejam.infra.loadbalancer;

import com.hashicorp.cdktf.providers.aws.lb_listener_rule.LbListenerRuleCondition;
import com.hashicorp.cdktf.providers.aws.lb_listener_rule.LbListenerRuleConditionHostHeader;
import com.hashicorp.cdktf.providers.aws.lb_listener_rule.LbListenerRuleConditionHttpHeader;
import com.hashicorp.cdktf.providers.aws.lb_listener_rule.LbListenerRuleConditionHttpRequestMethod;
import com.hashicorp.cdktf.providers.aws.lb_listener_rule.LbListenerRuleConditionPathPattern;
import com.hashicorp.cdktf.providers.aws.lb_listener_rule.LbListenerRuleConditionQueryString;
import com.hashicorp.cdktf.providers.aws.lb_listener_rule.LbListenerRuleConditionSourceIp;
import io.notejam.albconfig.model.Condition;
import io.notejam.albconfig.model.Rule;
import java.util.List;

/** The routing file's rule conditions as Terraform {@code condition} blocks, one per condition. */
final class RuleConditions {

  private RuleConditions() {}

  static List<LbListenerRuleCondition> of(Rule rule) {
    if (!rule.transforms().isEmpty()) {
      throw new UnsupportedRoutingException(
          "Rule "
              + rule.priority()
              + ": Transforms need AWS provider 6.x; infra-cdktf pins 5.23.1");
    }
    return rule.conditions().stream().map(condition -> of(rule, condition)).toList();
  }

  private static LbListenerRuleCondition of(Rule rule, Condition condition) {
    if (!condition.regexValues().isEmpty()) {
      throw new UnsupportedRoutingException(
          "Rule "
              + rule.priority()
              + ": RegexValues need AWS provider 6.x; infra-cdktf pins 5.23.1");
    }
    List<String> values = condition.plainValues();
    var builder = LbListenerRuleCondition.builder();
    switch (condition.field()) {
      case Condition.PATH_PATTERN ->
          builder.pathPattern(LbListenerRuleConditionPathPattern.builder().values(values).build());
      case Condition.HOST_HEADER ->
          builder.hostHeader(LbListenerRuleConditionHostHeader.builder().values(values).build());
      case Condition.HTTP_HEADER ->
          builder.httpHeader(
              LbListenerRuleConditionHttpHeader.builder()
                  .httpHeaderName(condition.httpHeaderConfig().httpHeaderName())
                  .values(values)
                  .build());
      case Condition.HTTP_REQUEST_METHOD ->
          builder.httpRequestMethod(
              LbListenerRuleConditionHttpRequestMethod.builder().values(values).build());
      case Condition.SOURCE_IP ->
          builder.sourceIp(LbListenerRuleConditionSourceIp.builder().values(values).build());
      case Condition.QUERY_STRING ->
          builder.queryString(
              condition.queryStringConfig().values().stream()
                  .map(
                      pair ->
                          LbListenerRuleConditionQueryString.builder()
                              .key(pair.key())
                              .value(pair.value())
                              .build())
                  .toList());
      default ->
          throw new UnsupportedRoutingException(
              "Rule " + rule.priority() + ": unknown condition field " + condition.field());
    }
    return builder.build();
  }
}
