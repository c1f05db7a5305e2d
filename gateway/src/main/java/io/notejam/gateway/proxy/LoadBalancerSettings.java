package io.notejam.gateway.proxy;

import io.notejam.albconfig.model.Arns;
import io.notejam.albconfig.model.LoadBalancer;
import io.notejam.albconfig.model.LoadBalancerAttributes;

/** The load-balancer attributes the data plane applies, read once from the document. */
record LoadBalancerSettings(
    String elbId,
    String dnsName,
    long idleTimeoutMillis,
    String xffMode,
    boolean xffClientPort,
    boolean preserveHost,
    boolean dropInvalidHeaders,
    String desyncMode) {

  static LoadBalancerSettings of(LoadBalancer loadBalancer) {
    String name = loadBalancer.nameOrDefault();
    return new LoadBalancerSettings(
        Arns.loadBalancerId(name),
        name + ".elb.localhost",
        Long.parseLong(loadBalancer.attribute(LoadBalancerAttributes.IDLE_TIMEOUT).trim()) * 1000,
        loadBalancer.attribute(LoadBalancerAttributes.XFF_MODE),
        Boolean.parseBoolean(loadBalancer.attribute(LoadBalancerAttributes.XFF_CLIENT_PORT)),
        Boolean.parseBoolean(loadBalancer.attribute(LoadBalancerAttributes.PRESERVE_HOST)),
        Boolean.parseBoolean(loadBalancer.attribute(LoadBalancerAttributes.DROP_INVALID_HEADERS)),
        loadBalancer.attribute(LoadBalancerAttributes.DESYNC_MODE));
  }
}
