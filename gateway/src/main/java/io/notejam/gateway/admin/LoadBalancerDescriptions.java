package io.notejam.gateway.admin;

import io.notejam.albconfig.model.Action;
import io.notejam.albconfig.model.Arns;
import io.notejam.albconfig.model.Attribute;
import io.notejam.albconfig.model.Condition;
import io.notejam.albconfig.model.Listener;
import io.notejam.albconfig.model.LoadBalancer;
import io.notejam.albconfig.model.LoadBalancerAttributes;
import io.notejam.albconfig.model.Rule;
import io.notejam.gateway.proxy.Gateway;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The read-only side of the load balancer itself, as the ELBv2 API describes it: the load balancer,
 * its listeners and rules (ARNs derived from the document, stable across restarts) and the
 * attributes in effect (AWS defaults plus the document's), so {@code aws elbv2 describe-*} scripts
 * written against AWS find what they expect.
 */
final class LoadBalancerDescriptions {
  private final Gateway gateway;
  private final LoadBalancer config;
  private final String loadBalancerArn;

  LoadBalancerDescriptions(Gateway gateway) {
    this.gateway = gateway;
    this.config = gateway.config();
    this.loadBalancerArn = gateway.loadBalancerArn();
  }

  QueryXml describeLoadBalancers(List<String> arns, List<String> names) throws QueryError {
    for (String arn : arns) {
      requireLoadBalancer(arn);
    }
    for (String name : names) {
      if (!name.equals(config.nameOrDefault())) {
        throw loadBalancerNotFound();
      }
    }
    return new QueryXml()
        .open("LoadBalancers")
        .open("member")
        .element("LoadBalancerArn", loadBalancerArn)
        .element("DNSName", gateway.dnsName())
        .element("CanonicalHostedZoneId", "Z35SXDOTRQ7X7K")
        .element("CreatedTime", gateway.startedAt().truncatedTo(ChronoUnit.MILLIS))
        .element("LoadBalancerName", config.nameOrDefault())
        .element("Scheme", "internet-facing")
        .element("VpcId", "vpc-local")
        .open("State")
        .element("Code", "active")
        .close("State")
        .element("Type", "application")
        .element("IpAddressType", "ipv4")
        .close("member")
        .close("LoadBalancers");
  }

  QueryXml describeLoadBalancerAttributes(String arn) throws QueryError {
    requireLoadBalancer(arn);
    return attributes(LoadBalancerAttributes.DEFAULTS, config.loadBalancerAttributes());
  }

  static QueryXml attributes(Map<String, String> defaults, List<Attribute> configured) {
    Map<String, String> effective = new TreeMap<>(defaults);
    for (Attribute attribute : configured) {
      effective.put(attribute.key(), attribute.value());
    }
    QueryXml xml = new QueryXml().open("Attributes");
    effective.forEach(
        (key, value) ->
            xml.open("member").element("Key", key).element("Value", value).close("member"));
    return xml.close("Attributes");
  }

  QueryXml describeListeners(String loadBalancer, List<String> listenerArns) throws QueryError {
    List<Listener> selected = new ArrayList<>();
    if (!listenerArns.isEmpty()) {
      for (String arn : listenerArns) {
        selected.add(
            listenerByArn(arn)
                .orElseThrow(
                    () -> new QueryError("ListenerNotFound", "One or more listeners not found")));
      }
    } else {
      if (loadBalancer == null) {
        throw new QueryError(
            "ValidationError", "You must specify either listener ARNs or a load balancer ARN");
      }
      requireLoadBalancer(loadBalancer);
      selected.addAll(config.listeners());
    }
    QueryXml xml = new QueryXml().open("Listeners");
    for (Listener listener : selected) {
      xml.open("member")
          .element("ListenerArn", listenerArn(listener))
          .element("LoadBalancerArn", loadBalancerArn)
          .element("Port", gateway.port(listener.port()))
          .element("Protocol", listener.protocol() == null ? "HTTP" : listener.protocol());
      actions(xml, "DefaultActions", listener.defaultActions());
      xml.close("member");
    }
    return xml.close("Listeners");
  }

  QueryXml describeRules(String listenerArn, List<String> ruleArns) throws QueryError {
    List<String[]> wanted = new ArrayList<>();
    if (!ruleArns.isEmpty()) {
      for (String arn : ruleArns) {
        wanted.add(new String[] {null, arn});
      }
    } else if (listenerArn != null) {
      if (listenerByArn(listenerArn).isEmpty()) {
        throw new QueryError("ListenerNotFound", "One or more listeners not found");
      }
      wanted.add(new String[] {listenerArn, null});
    } else {
      throw new QueryError(
          "ValidationError", "You must specify either listener rule ARNs or a listener ARN");
    }
    QueryXml xml = new QueryXml().open("Rules");
    for (String[] selection : wanted) {
      boolean found = false;
      for (Listener listener : config.listeners()) {
        if (selection[0] != null && !selection[0].equals(listenerArn(listener))) {
          continue;
        }
        List<Rule> rules = new ArrayList<>(listener.rules());
        rules.sort(Comparator.comparing(Rule::priority));
        for (Rule rule : rules) {
          String arn = ruleArn(listener, Integer.toString(rule.priority()));
          if (selection[1] == null || selection[1].equals(arn)) {
            rule(xml, arn, Integer.toString(rule.priority()), rule.conditions(), rule.actions());
            found = true;
          }
        }
        String defaultArn = ruleArn(listener, "default");
        if (selection[1] == null || selection[1].equals(defaultArn)) {
          rule(xml, defaultArn, "default", List.of(), listener.defaultActions());
          found = true;
        }
      }
      if (!found) {
        throw new QueryError("RuleNotFound", "One or more rules not found");
      }
    }
    return xml.close("Rules");
  }

  private void rule(
      QueryXml xml, String arn, String priority, List<Condition> conditions, List<Action> actions) {
    xml.open("member").element("RuleArn", arn).element("Priority", priority);
    xml.open("Conditions");
    for (Condition condition : conditions) {
      condition(xml, condition);
    }
    xml.close("Conditions");
    actions(xml, "Actions", actions);
    xml.element("IsDefault", "default".equals(priority)).close("member");
  }

  private static void condition(QueryXml xml, Condition condition) {
    xml.open("member").element("Field", condition.field());
    String field = condition.field() == null ? "" : condition.field();
    switch (field) {
      case Condition.HOST_HEADER, Condition.PATH_PATTERN -> {
        values(xml, "Values", condition.plainValues());
        xml.open(Condition.HOST_HEADER.equals(field) ? "HostHeaderConfig" : "PathPatternConfig");
        values(xml, "Values", condition.plainValues());
        if (!condition.regexValues().isEmpty()) {
          values(xml, "RegexValues", condition.regexValues());
        }
        xml.close(Condition.HOST_HEADER.equals(field) ? "HostHeaderConfig" : "PathPatternConfig");
      }
      case Condition.HTTP_HEADER -> {
        Condition.HttpHeaderConfig header = condition.httpHeaderConfig();
        xml.open("HttpHeaderConfig").element("HttpHeaderName", header.httpHeaderName());
        values(xml, "Values", header.values());
        if (!header.regexValues().isEmpty()) {
          values(xml, "RegexValues", header.regexValues());
        }
        xml.close("HttpHeaderConfig");
      }
      case Condition.QUERY_STRING -> {
        xml.open("QueryStringConfig").open("Values");
        for (Condition.KeyValue pair : condition.queryStringConfig().values()) {
          xml.open("member")
              .element("Key", pair.key())
              .element("Value", pair.value())
              .close("member");
        }
        xml.close("Values").close("QueryStringConfig");
      }
      case Condition.HTTP_REQUEST_METHOD -> {
        xml.open("HttpRequestMethodConfig");
        values(xml, "Values", condition.plainValues());
        xml.close("HttpRequestMethodConfig");
      }
      case Condition.SOURCE_IP -> {
        xml.open("SourceIpConfig");
        values(xml, "Values", condition.plainValues());
        xml.close("SourceIpConfig");
      }
      default -> {
        // validated at load: no other field reaches here
      }
    }
    xml.close("member");
  }

  private static void values(QueryXml xml, String element, List<String> values) {
    xml.open(element);
    for (String value : values) {
      xml.element("member", value);
    }
    xml.close(element);
  }

  private static void actions(QueryXml xml, String element, List<Action> actions) {
    xml.open(element);
    int order = 1;
    for (Action action : actions) {
      xml.open("member")
          .element("Type", action.type())
          .element("Order", action.order() == null ? order : action.order());
      order++;
      switch (action.type()) {
        case Action.FORWARD -> forward(xml, action);
        case Action.REDIRECT -> {
          Action.RedirectConfig redirect = action.redirectConfig();
          xml.open("RedirectConfig")
              .element("Protocol", or(redirect.protocol(), "#{protocol}"))
              .element("Port", or(redirect.port(), "#{port}"))
              .element("Host", or(redirect.host(), "#{host}"))
              .element("Path", or(redirect.path(), "/#{path}"))
              .element("Query", or(redirect.query(), "#{query}"))
              .element("StatusCode", redirect.statusCode())
              .close("RedirectConfig");
        }
        case Action.FIXED_RESPONSE -> {
          Action.FixedResponseConfig fixed = action.fixedResponseConfig();
          xml.open("FixedResponseConfig")
              .element("MessageBody", fixed.messageBody())
              .element("StatusCode", fixed.statusCode())
              .element("ContentType", fixed.contentType())
              .close("FixedResponseConfig");
        }
        default -> {
          // authenticate actions are refused at load
        }
      }
      xml.close("member");
    }
    xml.close(element);
  }

  /** As AWS answers: the single group's ARN at the top too, and the ForwardConfig with weights. */
  private static void forward(QueryXml xml, Action action) {
    List<Action.TargetGroupTuple> groups = action.forwardTargets();
    if (groups.size() == 1) {
      xml.element("TargetGroupArn", Arns.targetGroupArn(groups.get(0).groupName()));
    }
    xml.open("ForwardConfig").open("TargetGroups");
    for (Action.TargetGroupTuple group : groups) {
      xml.open("member")
          .element("TargetGroupArn", Arns.targetGroupArn(group.groupName()))
          .element("Weight", group.weightOrDefault())
          .close("member");
    }
    xml.close("TargetGroups");
    Action.StickinessConfig stickiness =
        action.forwardConfig() == null
            ? null
            : action.forwardConfig().targetGroupStickinessConfig();
    xml.open("TargetGroupStickinessConfig")
        .element("Enabled", stickiness != null && stickiness.isEnabled());
    if (stickiness != null && stickiness.isEnabled()) {
      xml.element("DurationSeconds", stickiness.durationSeconds());
    }
    xml.close("TargetGroupStickinessConfig").close("ForwardConfig");
  }

  private static String or(String value, String fallback) {
    return value == null ? fallback : value;
  }

  private void requireLoadBalancer(String arn) throws QueryError {
    if (arn == null || !arn.equals(loadBalancerArn)) {
      throw loadBalancerNotFound();
    }
  }

  private static QueryError loadBalancerNotFound() {
    return new QueryError("LoadBalancerNotFound", "One or more load balancers not found");
  }

  private java.util.Optional<Listener> listenerByArn(String arn) {
    return config.listeners().stream().filter(l -> listenerArn(l).equals(arn)).findFirst();
  }

  /** {@code arn:…:listener/app/<name>/<lb id>/<16 hex>}, from the listener's configured port. */
  private String listenerArn(Listener listener) {
    return loadBalancerArn.replace(":loadbalancer/", ":listener/")
        + "/"
        + Arns.idOf("listener/" + listener.port());
  }

  /** {@code arn:…:listener-rule/app/<name>/<lb id>/<listener id>/<16 hex>}. */
  private String ruleArn(Listener listener, String priority) {
    return listenerArn(listener).replace(":listener/", ":listener-rule/")
        + "/"
        + Arns.idOf("rule/" + listener.port() + "/" + priority);
  }
}
