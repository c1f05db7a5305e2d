package io.notejam.gateway.proxy;

import io.netty.bootstrap.Bootstrap;
import io.notejam.gateway.accesslog.AccessLog;
import io.notejam.gateway.routing.ListenerRules;
import io.notejam.gateway.targets.TargetRegistry;
import java.util.concurrent.atomic.AtomicInteger;

/** What every connection on one listener shares. */
record ListenerContext(
    int port,
    ListenerRules rules,
    LoadBalancerSettings settings,
    TargetRegistry targets,
    AccessLog accessLog,
    StickyCookies cookies,
    Bootstrap backends,
    BackendPool pool,
    AtomicInteger activeExchanges) {}
