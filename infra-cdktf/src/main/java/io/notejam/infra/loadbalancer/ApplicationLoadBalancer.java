package io.notejam.infra.loadbalancer;

import com.hashicorp.cdktf.ITerraformDependable;
import com.hashicorp.cdktf.providers.aws.lb.Lb;
import com.hashicorp.cdktf.providers.aws.lb.LbAccessLogs;
import com.hashicorp.cdktf.providers.aws.lb_listener.LbListener;
import com.hashicorp.cdktf.providers.aws.lb_listener.LbListenerDefaultAction;
import com.hashicorp.cdktf.providers.aws.lb_listener.LbListenerDefaultActionRedirect;
import com.hashicorp.cdktf.providers.aws.lb_listener_rule.LbListenerRule;
import com.hashicorp.cdktf.providers.aws.route53_record.Route53Record;
import com.hashicorp.cdktf.providers.aws.route53_record.Route53RecordAlias;
import com.hashicorp.cdktf.providers.aws.security_group.SecurityGroup;
import io.notejam.albconfig.model.Listener;
import io.notejam.albconfig.model.LoadBalancer;
import io.notejam.albconfig.model.LoadBalancerAttributes;
import io.notejam.albconfig.model.Rule;
import io.notejam.infra.DeploymentSettings.PublicDomain;
import io.notejam.infra.network.Firewall;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import software.constructs.Construct;

/**
 * The internet-facing ALB, generated from the project's routing file so that production routes
 * exactly as the local gateway does: its attributes, target groups, listeners and rules all come
 * from the file. With a public domain, the file's HTTP listener on 80 is served as HTTPS on 443
 * (ACM certificate, TLS 1.2+) and port 80 only redirects to it.
 */
public class ApplicationLoadBalancer extends Construct {

  static final int HTTP_PORT = 80;
  static final int HTTPS_PORT = 443;
  static final String TLS_POLICY = "ELBSecurityPolicy-TLS13-1-2-2021-06";
  private static final String HTTP2 = "routing.http2.enabled";
  private static final String DELETION_PROTECTION = "deletion_protection.enabled";
  private static final String WAF_FAIL_OPEN = "waf.fail_open.enabled";
  private static final String TLS_HEADERS =
      "routing.http.x_amzn_tls_version_and_cipher_suite.enabled";

  /** Routing-file attributes with a Terraform argument; any other one stops the synth. */
  private static final Set<String> DEPLOYED_ATTRIBUTES =
      Set.of(
          LoadBalancerAttributes.IDLE_TIMEOUT,
          LoadBalancerAttributes.XFF_MODE,
          LoadBalancerAttributes.XFF_CLIENT_PORT,
          LoadBalancerAttributes.PRESERVE_HOST,
          LoadBalancerAttributes.DROP_INVALID_HEADERS,
          LoadBalancerAttributes.DESYNC_MODE,
          HTTP2,
          DELETION_PROTECTION,
          WAF_FAIL_OPEN,
          TLS_HEADERS);

  private final Lb loadBalancer;
  private final SecurityGroup securityGroup;
  private final RoutingTargetGroups targetGroups;
  private final List<ITerraformDependable> routingResources = new ArrayList<>();

  /** Where the ALB goes and what it adds to the routing file in production. */
  public record Placement(
      String vpcId,
      List<String> publicSubnetIds,
      Optional<PublicDomain> domain,
      Optional<String> accessLogsBucket) {}

  public ApplicationLoadBalancer(
      Construct scope, String id, String namePrefix, LoadBalancer routing, Placement placement) {
    super(scope, id);
    checkAttributesDeployable(routing);
    securityGroup =
        Firewall.securityGroup(
            this,
            "security-group",
            placement.vpcId(),
            namePrefix + "-alb",
            "notejam ALB: HTTP(S) from the internet, out to the service tasks only");
    var albBuilder =
        Lb.Builder.create(this, "alb")
            .name(namePrefix + "-alb")
            .loadBalancerType("application")
            .internal(false)
            .securityGroups(List.of(securityGroup.getId()))
            .subnets(placement.publicSubnetIds())
            .idleTimeout(Integer.parseInt(routing.attribute(LoadBalancerAttributes.IDLE_TIMEOUT)))
            .xffHeaderProcessingMode(routing.attribute(LoadBalancerAttributes.XFF_MODE))
            .enableXffClientPort(flag(routing, LoadBalancerAttributes.XFF_CLIENT_PORT))
            .preserveHostHeader(flag(routing, LoadBalancerAttributes.PRESERVE_HOST))
            .dropInvalidHeaderFields(flag(routing, LoadBalancerAttributes.DROP_INVALID_HEADERS))
            .desyncMitigationMode(routing.attribute(LoadBalancerAttributes.DESYNC_MODE))
            .enableHttp2(flag(routing, HTTP2))
            .enableDeletionProtection(flag(routing, DELETION_PROTECTION))
            .enableWafFailOpen(flag(routing, WAF_FAIL_OPEN))
            .enableTlsVersionAndCipherSuiteHeaders(flag(routing, TLS_HEADERS));
    placement
        .accessLogsBucket()
        .ifPresent(
            bucket ->
                albBuilder.accessLogs(
                    LbAccessLogs.builder()
                        .bucket(bucket)
                        .prefix(namePrefix + "-alb")
                        .enabled(true)
                        .build()));
    loadBalancer = albBuilder.build();
    targetGroups =
        new RoutingTargetGroups(
            this, "target-groups", namePrefix, routing.targetGroups(), placement.vpcId());

    Optional<HttpsCertificate> certificate =
        placement
            .domain()
            .map(
                domain ->
                    new HttpsCertificate(
                        this, "https-certificate", domain.name(), domain.hostedZoneId()));
    for (Listener listener : routing.listeners()) {
      if (certificate.isPresent() && isPlainHttp(listener)) {
        addListener(listener, HTTPS_PORT, "HTTPS", Optional.of(certificate.get().arn()));
        addRedirectToHttps();
      } else {
        addListener(
            listener,
            listener.port(),
            listener.protocol(),
            listener.certificates().stream().findFirst().map(Listener.Certificate::certificateArn));
      }
    }
    placement.domain().ifPresent(this::addAliasRecord);
  }

  public String dnsName() {
    return loadBalancer.getDnsName();
  }

  public String securityGroupId() {
    return securityGroup.getId();
  }

  /** ARN of the target group the routing file names {@code routingName}. */
  public String targetGroupArn(String routingName) {
    return targetGroups.arnOf(routingName);
  }

  /**
   * The listeners and rules. ECS refuses to attach a service to a target group that no listener or
   * rule forwards to yet, so services wait for all of them.
   */
  public List<ITerraformDependable> routingResources() {
    return List.copyOf(routingResources);
  }

  private void addListener(
      Listener listener, int port, String protocol, Optional<String> certificateArn) {
    var builder =
        LbListener.Builder.create(this, "listener-" + port)
            .loadBalancerArn(loadBalancer.getArn())
            .port(port)
            .protocol(protocol)
            .defaultAction(ListenerActions.defaultActions(listener.defaultActions(), targetGroups));
    certificateArn.ifPresent(arn -> builder.certificateArn(arn).sslPolicy(TLS_POLICY));
    LbListener created = builder.build();
    routingResources.add(created);
    Firewall.allowTcpInFromAnywhere(
        this, "internet-to-" + port, securityGroup.getId(), port, protocol + " from the internet");
    for (Rule rule : listener.rules()) {
      routingResources.add(
          LbListenerRule.Builder.create(this, "listener-" + port + "-rule-" + rule.priority())
              .listenerArn(created.getArn())
              .priority(rule.priority())
              .condition(RuleConditions.of(rule))
              .action(ListenerActions.ruleActions(rule.actions(), targetGroups))
              .build());
    }
  }

  private void addRedirectToHttps() {
    routingResources.add(
        LbListener.Builder.create(this, "listener-" + HTTP_PORT)
            .loadBalancerArn(loadBalancer.getArn())
            .port(HTTP_PORT)
            .protocol("HTTP")
            .defaultAction(
                List.of(
                    LbListenerDefaultAction.builder()
                        .type("redirect")
                        .redirect(
                            LbListenerDefaultActionRedirect.builder()
                                .protocol("HTTPS")
                                .port(Integer.toString(HTTPS_PORT))
                                .statusCode("HTTP_301")
                                .build())
                        .build()))
            .build());
    Firewall.allowTcpInFromAnywhere(
        this,
        "internet-to-" + HTTP_PORT,
        securityGroup.getId(),
        HTTP_PORT,
        "HTTP from the internet, redirected to HTTPS");
  }

  private void addAliasRecord(PublicDomain domain) {
    Route53Record.Builder.create(this, "alias-record")
        .zoneId(domain.hostedZoneId())
        .name(domain.name())
        .type("A")
        .alias(
            Route53RecordAlias.builder()
                .name(loadBalancer.getDnsName())
                .zoneId(loadBalancer.getZoneId())
                .evaluateTargetHealth(true)
                .build())
        .build();
  }

  private static boolean flag(LoadBalancer routing, String attribute) {
    return Boolean.parseBoolean(routing.attribute(attribute));
  }

  private static boolean isPlainHttp(Listener listener) {
    return "HTTP".equals(listener.protocol()) && listener.port() == HTTP_PORT;
  }

  private static void checkAttributesDeployable(LoadBalancer routing) {
    for (var attribute : routing.loadBalancerAttributes()) {
      if (!DEPLOYED_ATTRIBUTES.contains(attribute.key())) {
        throw new UnsupportedRoutingException(
            "Load balancer attribute " + attribute.key() + " is not deployed by infra-cdktf");
      }
    }
  }
}
