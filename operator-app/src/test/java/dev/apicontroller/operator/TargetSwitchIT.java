package dev.apicontroller.operator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.apicontroller.k8s.ApiResource;
import dev.apicontroller.model.ApiStatus;
import dev.apicontroller.model.ResourceStatus;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Issue #13 item 5: switching the operator's Istio target (SPEC 3.5) moves every secured {@code
 * Api} to the new target's objects without a moment where a route exists without the authentication
 * objects of the target it was written for. The real operator (a separate JVM behind a {@link
 * FaultInjectingProxy}: 500, 429, 409, cut watches) is restarted with other settings ({@link
 * Setting}: {@code ISTIO_VERSION}, {@code ROUTES}, {@code DATAPLANE}) — 1.5 (legacy) → 1.21
 * (v1beta1) → 1.24 (v1) → 1.5 → 1.24 → 1.24 with Gateway API routes → 1.24 with the ambient data
 * plane → 1.24 — as a rollout would (SIGTERM), and killed (SIGKILL) once in the middle of each
 * switch. From 1.21 to 1.24 nothing needs writing (Istio stores one object whatever version it is
 * written at), so the 1.5 → 1.24 step writes the v1 routes. The test Namespace carries the waypoint
 * labels, so ambient routes are not withheld. An Api whose RequestAuthentication name is taken
 * loses its route on the modern targets; one whose RequestAuthentication admission refuses keeps
 * its legacy route and Policy. {@link FailClosedObserver} watches every target's objects; after
 * each switch every {@code Api} has exactly its new target's route kind and authentication objects,
 * attached the new target's way (no leftover of the old one: no VirtualService beside an HTTPRoute,
 * no PeerAuthentication in ambient) and nothing foreign was written. {@code
 * -Dapicontroller.switch.apis=N} changes the number of {@code Api}s (default 200), {@code
 * -Dapicontroller.faults.seed} repeats a run.
 */
class TargetSwitchIT {
  private static final int APIS = Integer.getInteger("apicontroller.switch.apis", 200);
  private static final long SEED = Long.getLong("apicontroller.faults.seed", System.nanoTime());
  private static final Duration CONVERGE = Duration.ofMinutes(3);

  /**
   * The operator's settings that pick a target.
   *
   * @param version {@code ISTIO_VERSION}
   * @param routes {@code ROUTES}
   * @param dataplane {@code DATAPLANE}
   */
  private record Setting(String version, String routes, String dataplane) {
    static Setting sidecar(String version) {
      return new Setting(version, "virtualservice", "sidecar");
    }

    Map<String, String> env() {
      return Map.of("ISTIO_VERSION", version, "ROUTES", routes, "DATAPLANE", dataplane);
    }

    /** {@code 1.24}, {@code 1.24/gateway-api}, {@code 1.24/ambient}. */
    @Override
    public String toString() {
      return version
          + (routes.equals("virtualservice") ? "" : "/" + routes)
          + (dataplane.equals("sidecar") ? "" : "/" + dataplane);
    }
  }

  private static final Setting V1_5 = Setting.sidecar("1.5");
  private static final Setting V1_21 = Setting.sidecar("1.21");
  private static final Setting V1_24 = Setting.sidecar("1.24");
  private static final Setting GATEWAY_API = new Setting("1.24", "gateway-api", "sidecar");
  private static final Setting AMBIENT = new Setting("1.24", "virtualservice", "ambient");

  /** Each setting the operator is given, with the target it selects. */
  private static final Map<Setting, RouteSecurity> SWITCHES =
      Map.of(
          V1_5, RouteSecurity.legacy(),
          V1_21, RouteSecurity.modern("v1beta1", true),
          V1_24, RouteSecurity.modern("v1", true),
          GATEWAY_API, RouteSecurity.gatewayApi(true),
          AMBIENT, RouteSecurity.ambient());

  private static final List<Setting> ORDER =
      List.of(V1_5, V1_21, V1_24, V1_5, V1_24, GATEWAY_API, AMBIENT, V1_24);
  private static final List<String> ROUTE_KINDS =
      List.of(RouteSecurity.VIRTUAL_SERVICE, RouteSecurity.HTTP_ROUTE);
  private static final List<String> ALL_AUTH_KINDS =
      List.of(
          RouteSecurity.POLICY,
          RouteSecurity.REQUEST_AUTHENTICATION,
          RouteSecurity.AUTHORIZATION_POLICY,
          RouteSecurity.PEER_AUTHENTICATION);

  /**
   * An Api whose RequestAuthentication name a foreign object holds: on a modern target the core
   * withdraws its route (name taken, SPEC 4), the route first.
   */
  private static final String BLOCKED = "api-1";

  /**
   * An Api whose RequestAuthentication the cluster's admission refuses (a
   * ValidatingAdmissionPolicy, as a policy engine would): on a modern target its route stays as the
   * old target wrote it, so the old target's Policy must stay with it.
   */
  private static final String DENIED = "api-3";

  private final Random random = new Random(SEED);
  private final String ns = "switch-" + SEED % 100000;

  /**
   * Whether {@link #DENIED} still has its legacy VirtualService: from the last legacy target until
   * the first target with HTTPRoutes, which prunes routes of the other kind (route first, then the
   * Policy: no route at all, fail closed) while its own route waits for the refused object.
   */
  private boolean deniedKeepsLegacyRoute = true;

  @Test
  void everySwitchOfTargetReplacesTheObjectsWithoutARouteEverMissingItsAuthentication()
      throws Exception {
    System.out.println("SWITCH seed=" + SEED + " (-Dapicontroller.faults.seed to repeat)");
    try (KubernetesClient user =
            new KubernetesClientBuilder().withConfig(TestApiServer.config()).build();
        FailClosedObserver observer =
            new FailClosedObserver(user, Set.of(ns), RouteSecurity.allTargets());
        FaultInjectingProxy proxy =
            new FaultInjectingProxy(TestApiServer.serviceAccountConfig(), SEED)) {
      // Waypoint labels (SPEC 4.4): in ambient the routes are written, not withheld. The sidecar
      // targets do not read them.
      user.resource(
              new NamespaceBuilder()
                  .withNewMetadata()
                  .withName(ns)
                  .addToLabels("istio.io/use-waypoint", "waypoint")
                  .addToLabels("istio.io/ingress-use-waypoint", "true")
                  .endMetadata()
                  .build())
          .create();
      for (int i = 0; i < APIS; i++) {
        user.resource(ConfigurationIT.service(ns, "svc-" + i, "svc-" + i)).create();
      }
      List<GenericKubernetesResource> foreign = seedForeignObjects(user);
      denyRequestAuthenticationOf(user, DENIED);

      Map<String, String> env = new HashMap<>(OperatorHarness.baseEnv());
      env.put("ISTIO_PROFILE", "");
      env.putAll(ORDER.get(0).env());
      env.put("WATCH_NAMESPACES", ns);
      OperatorProcess operator = new OperatorProcess("switch-operator", proxy.url(), env);
      ScheduledExecutorService kubelet = Executors.newSingleThreadScheduledExecutor();
      List<String> report = new ArrayList<>();
      Map<String, Integer> leftoversPerSwitch = new LinkedHashMap<>();
      try {
        observer.phase(ORDER.get(0).toString());
        operator.start();
        operator.awaitReady(Duration.ofSeconds(90));
        kubelet.scheduleWithFixedDelay(operator::restartIfExited, 1, 1, TimeUnit.SECONDS);
        createApis(user);
        assertThat(awaitConverged(user, SWITCHES.get(ORDER.get(0))))
            .as("Apis not converged on %s", ORDER.get(0))
            .isEmpty();

        proxy.rates(new FaultInjectingProxy.Rates(0.05, 0.03, 0.15, 3000));
        proxy.faults(true);
        for (int s = 1; s < ORDER.size(); s++) {
          Setting from = ORDER.get(s - 1);
          Setting to = ORDER.get(s);
          RouteSecurity target = SWITCHES.get(to);
          if (target.equals(RouteSecurity.legacy())) deniedKeepsLegacyRoute = true;
          if (target.routeKind().equals(RouteSecurity.HTTP_ROUTE)) deniedKeepsLegacyRoute = false;
          String phase = from + "->" + to;
          observer.phase(phase);
          long started = System.nanoTime();
          // A rollout: the old pod stops, the new one starts with the new setting; and a crash
          // of the new one part-way through the switch.
          operator.close();
          operator.configure(to.env());
          operator.start();
          Thread.sleep(3000 + random.nextInt(3000));
          operator.kill();
          Thread.sleep(200 + random.nextInt(1000));
          operator.start();
          operator.awaitReady(Duration.ofSeconds(90));
          List<String> unconverged = awaitConverged(user, target);
          long convergedMs = (System.nanoTime() - started) / 1_000_000;
          List<String> leftovers = leftovers(user, target);
          leftoversPerSwitch.put(phase, leftovers.size());
          report.add(
              "SWITCH %s: convergedMs=%d unconverged=%d leftovers=%d %s"
                  .formatted(
                      phase, convergedMs, unconverged.size(), leftovers.size(), unconverged));
          if (!unconverged.isEmpty()) break;
        }
        proxy.faults(false);
        observer.phase("after");
        ConfigurationIT.pause();

        List<String> foreignModified = foreignModified(user, foreign);
        FailClosedObserver.Verdict verdict = observer.verdict();
        System.out.printf(
            "SWITCH: apis=%d switches=%s selfExits=%d %s foreignModified=%d leftovers=%s %s%n",
            APIS,
            ORDER,
            operator.selfExits(),
            proxy.faultSummary(),
            foreignModified.size(),
            leftoversPerSwitch,
            verdict.summary());
        report.forEach(System.out::println);
        verdict.byTarget().forEach((t, f) -> System.out.println("SWITCH target " + t + ": " + f));
        verdict.byPhase().forEach((p, f) -> System.out.println("SWITCH phase " + p + ": " + f));
        verdict.withoutAuth().stream().limit(10).forEach(v -> System.out.println("SWITCH " + v));
        verdict.routeToUntargetedService().stream()
            .limit(10)
            .forEach(v -> System.out.println("SWITCH " + v));

        assertThat(report)
            .as("every switch converged, nothing of the old target left")
            .hasSize(ORDER.size() - 1)
            .allMatch(line -> line.contains(" unconverged=0 leftovers=0 "));

        assertThat(proxy.injected500.get() + proxy.injected429.get()).isPositive();
        assertThat(foreignModified).isEmpty();
        assertThat(verdict.byTarget().keySet())
            .as("routes written for each target were observed")
            .contains("legacy", "v1beta1", "v1", "gateway-api", "ambient");
        assertThat(verdict.withoutAuth())
            .as("routes without the authentication objects of their target")
            .isEmpty();
        assertThat(verdict.routeToUntargetedService())
            .as("routes to a Service their authentication objects do not cover")
            .isEmpty();
      } finally {
        kubelet.shutdownNow();
        operator.close();
        allowRequestAuthentications(user);
      }
    }
  }

  private void createApis(KubernetesClient user) throws Exception {
    ExecutorService users = Executors.newFixedThreadPool(4);
    try {
      List<Future<?>> work = new ArrayList<>();
      for (int t = 0; t < 4; t++) {
        int first = t;
        work.add(
            users.submit(
                () -> {
                  for (int i = first; i < APIS; i += 4) {
                    String issuer = i % 10 == 0 ? "https://issuer-" + i % 3 + ".example.com" : null;
                    String yaml =
                        FaultsIT.api(
                            ns, "api-" + i, "svc-" + i, "s" + SEED % 100000 + "-" + i, issuer);
                    user.resource(
                            user.getKubernetesSerialization().unmarshal(yaml, ApiResource.class))
                        .create();
                  }
                  return null;
                }));
      }
      for (Future<?> f : work) f.get(2, TimeUnit.MINUTES);
    } finally {
      users.shutdown();
    }
  }

  /** A ValidatingAdmissionPolicy (CEL, no webhook) refusing one Api's RequestAuthentication. */
  private void denyRequestAuthenticationOf(KubernetesClient user, String name) {
    String policy = "deny-" + ns;
    user.resource(
            user.getKubernetesSerialization()
                .unmarshal(
                    """
                    apiVersion: admissionregistration.k8s.io/v1
                    kind: ValidatingAdmissionPolicy
                    metadata: {name: %s}
                    spec:
                      failurePolicy: Fail
                      matchConstraints:
                        resourceRules:
                        - apiGroups: [security.istio.io]
                          apiVersions: ["*"]
                          operations: [CREATE, UPDATE]
                          resources: [requestauthentications]
                      validations:
                      - expression: "object.metadata.name != '%s'"
                        message: refused by the cluster's admission policy
                    """
                        .formatted(policy, name),
                    io.fabric8.kubernetes.api.model.HasMetadata.class))
        .create();
    user.resource(
            user.getKubernetesSerialization()
                .unmarshal(
                    """
                    apiVersion: admissionregistration.k8s.io/v1
                    kind: ValidatingAdmissionPolicyBinding
                    metadata: {name: %s}
                    spec:
                      policyName: %s
                      validationActions: [Deny]
                      matchResources:
                        namespaceSelector:
                          matchLabels: {kubernetes.io/metadata.name: %s}
                    """
                        .formatted(policy, policy, ns),
                    io.fabric8.kubernetes.api.model.HasMetadata.class))
        .create();
  }

  /**
   * Removes the admission policy again: the ITs share one API server, and an operator of a later IT
   * that watches every namespace would otherwise retry the refused RequestAuthentication forever
   * (GatewayApiRoutesIT, run after this, counted those retries as writes).
   */
  private void allowRequestAuthentications(KubernetesClient user) {
    String policy = "deny-" + ns;
    user.genericKubernetesResources(
            "admissionregistration.k8s.io/v1", "ValidatingAdmissionPolicyBinding")
        .withName(policy)
        .delete();
    user.genericKubernetesResources("admissionregistration.k8s.io/v1", "ValidatingAdmissionPolicy")
        .withName(policy)
        .delete();
  }

  /** An object of every kind some target writes, owned by no Api: never to be written. */
  private List<GenericKubernetesResource> seedForeignObjects(KubernetesClient user) {
    List<GenericKubernetesResource> seeded = new ArrayList<>();
    seeded.add(
        user.resource(ConflictsIT.foreignVirtualService(ns, "foreign-route", "foreign.kyma.local"))
            .create());
    seeded.add(
        user.resource(
                foreign(
                    ApiLifecycleIT.POLICY,
                    "Policy",
                    Map.of("targets", List.of(Map.of("name", "svc-1")))))
            .create());
    Map<String, Object> selector =
        Map.of("selector", Map.of("matchLabels", Map.of("app", "svc-1")));
    for (String kind : List.of("AuthorizationPolicy", "PeerAuthentication")) {
      seeded.add(user.resource(foreign(ConfigurationIT.SECURITY, kind, selector)).create());
    }
    // Holds the name of BLOCKED's RequestAuthentication: its modern objects cannot all be applied.
    GenericKubernetesResource taker =
        foreign(ConfigurationIT.SECURITY, "RequestAuthentication", selector);
    taker.getMetadata().setName(BLOCKED);
    seeded.add(user.resource(taker).create());
    return seeded;
  }

  private GenericKubernetesResource foreign(
      String apiVersion, String kind, Map<String, Object> spec) {
    return new GenericKubernetesResourceBuilder()
        .withApiVersion(apiVersion)
        .withKind(kind)
        .withNewMetadata()
        .withName("foreign-" + kind.toLowerCase(java.util.Locale.ROOT))
        .withNamespace(ns)
        .endMetadata()
        .withAdditionalProperties(Map.of("spec", spec))
        .build();
  }

  private List<GenericKubernetesResource> objects(KubernetesClient user, String groupKind) {
    return user.genericKubernetesResources(
            RouteSecurity.WATCHED_AT.get(groupKind),
            groupKind.substring(groupKind.indexOf('/') + 1))
        .inNamespace(ns)
        .list()
        .getItems();
  }

  private static Map<String, GenericKubernetesResource> ownedByName(
      List<GenericKubernetesResource> all) {
    Map<String, GenericKubernetesResource> byName = new HashMap<>();
    for (GenericKubernetesResource o : all) {
      if (FailClosedObserver.controllerUid(o) != null) byName.put(o.getMetadata().getName(), o);
    }
    return byName;
  }

  private List<String> awaitConverged(KubernetesClient user, RouteSecurity target)
      throws InterruptedException {
    long deadline = System.nanoTime() + CONVERGE.toNanos();
    List<String> problems = convergence(user, target);
    while (!problems.isEmpty() && System.nanoTime() < deadline) {
      Thread.sleep(1000);
      problems = convergence(user, target);
    }
    return problems.stream().limit(10).toList();
  }

  /**
   * What keeps the Apis from being done on {@code target}: a status that does not report every
   * object applied, a route not written for a target with these authentication kinds, one of those
   * objects missing or controlled by another Api, or an object of the old target left.
   */
  private List<String> convergence(KubernetesClient user, RouteSecurity target) {
    Map<String, GenericKubernetesResource> routes = ownedByName(objects(user, target.routeKind()));
    Map<String, GenericKubernetesResource> virtualServices =
        ownedByName(objects(user, RouteSecurity.VIRTUAL_SERVICE));
    Map<String, Map<String, GenericKubernetesResource>> auth = new HashMap<>();
    for (String kind : target.authKinds()) auth.put(kind, ownedByName(objects(user, kind)));
    boolean modern = !target.authKinds().contains(RouteSecurity.POLICY);
    List<String> problems = new ArrayList<>();
    for (ApiResource api : user.resources(ApiResource.class).inNamespace(ns).list().getItems()) {
      String name = api.getMetadata().getName();
      String uid = api.getMetadata().getUid();
      ApiStatus s = api.getStatus();
      if (modern && (name.equals(BLOCKED) || name.equals(DENIED))) {
        GenericKubernetesResource policy =
            ownedByName(objects(user, RouteSecurity.POLICY)).get(name);
        problems.addAll(
            heldBackProblems(
                api,
                routes.get(name),
                virtualServices.get(name),
                policy,
                name.equals(DENIED) && deniedKeepsLegacyRoute));
        continue;
      }
      if (s == null
          || !api.getMetadata().getGeneration().equals(s.observedGeneration())
          || code(s.virtualServiceStatus()) != 2
          || code(s.authenticationStatus()) != 2
          || (modern && code(s.authorizationPolicyStatus()) != 2)) {
        problems.add(name + ": status " + s);
        continue;
      }
      GenericKubernetesResource route = routes.get(name);
      if (route == null || !uid.equals(FailClosedObserver.controllerUid(route))) {
        problems.add(name + ": no route of its own");
        continue;
      }
      String writtenAt = RouteSecurity.lastAppliedAt(route);
      boolean forTarget =
          SWITCHES.values().stream()
              .anyMatch(
                  t ->
                      t.wrote(route)
                          && t.authKinds().equals(target.authKinds())
                          && t.attachment() == target.attachment());
      if (!forTarget) problems.add(name + ": route last written at " + writtenAt);
      for (String kind : target.authKinds()) {
        GenericKubernetesResource o = auth.get(kind).get(name);
        if (o == null || !uid.equals(FailClosedObserver.controllerUid(o))) {
          problems.add(name + ": no " + kind);
        } else if (!attachedAs(o, target.attachment())) {
          problems.add(name + ": " + kind + " not yet attached by " + target.attachment());
        }
      }
    }
    problems.addAll(leftovers(user, target));
    return problems;
  }

  /** Whether an authentication object names its Service the way {@code attachment} says. */
  private static boolean attachedAs(
      GenericKubernetesResource auth, RouteSecurity.Attachment attachment) {
    Map<String, Object> spec = OperatorHarness.spec(auth);
    return switch (attachment) {
      case POLICY_TARGETS -> spec.containsKey("targets");
      case WORKLOAD_SELECTOR -> spec.containsKey("selector") && !spec.containsKey("targetRefs");
      case SERVICE_TARGET_REFS -> spec.containsKey("targetRefs") && !spec.containsKey("selector");
    };
  }

  /**
   * On a modern target {@link #BLOCKED} has no route of either kind and no Policy (status
   * NameTaken); {@link #DENIED} (authentication code 3) gets no route of the new target's kind and
   * keeps its legacy VirtualService and the Policy that secures it while {@code keepsLegacyRoute},
   * else has neither.
   */
  private static List<String> heldBackProblems(
      ApiResource api,
      GenericKubernetesResource route,
      GenericKubernetesResource virtualService,
      GenericKubernetesResource policy,
      boolean keepsLegacyRoute) {
    String name = api.getMetadata().getName();
    ApiStatus s = api.getStatus();
    List<String> problems = new ArrayList<>();
    if (s == null || code(s.authenticationStatus()) != 3) problems.add(name + ": status " + s);
    if (!keepsLegacyRoute) {
      if (route != null || virtualService != null) problems.add(name + ": route still there");
      if (policy != null) problems.add(name + ": Policy still there");
      return problems;
    }
    if (virtualService == null || !RouteSecurity.legacy().wrote(virtualService)) {
      problems.add(name + ": legacy route gone or rewritten");
    }
    if (policy == null) problems.add(name + ": the Policy its route relies on was deleted");
    return problems;
  }

  /**
   * Objects the operator made of kinds {@code target} does not write: authentication kinds, and
   * routes of the other kind (the VirtualService after the switch to Gateway API routes, the
   * HTTPRoute after the switch back).
   */
  private List<String> leftovers(KubernetesClient user, RouteSecurity target) {
    List<String> left = new ArrayList<>();
    for (String kind : ROUTE_KINDS) {
      if (kind.equals(target.routeKind())) continue;
      for (GenericKubernetesResource o : ownedByName(objects(user, kind)).values()) {
        if (deniedKeepsLegacyRoute
            && o.getMetadata().getName().equals(DENIED)
            && RouteSecurity.legacy().wrote(o)) {
          continue; // kept on purpose: DENIED's legacy route, secured by its Policy
        }
        left.add(kind + " " + o.getMetadata().getName());
      }
    }
    for (String kind : ALL_AUTH_KINDS) {
      if (target.authKinds().contains(kind)) continue;
      for (GenericKubernetesResource o : ownedByName(objects(user, kind)).values()) {
        if (deniedKeepsLegacyRoute
            && o.getMetadata().getName().equals(DENIED)
            && kind.equals(RouteSecurity.POLICY)) {
          continue; // kept on purpose: it secures DENIED's legacy route
        }
        left.add(kind + " " + o.getMetadata().getName());
      }
    }
    return left;
  }

  private static int code(ResourceStatus status) {
    return status == null ? -1 : status.code();
  }

  private List<String> foreignModified(
      KubernetesClient user, List<GenericKubernetesResource> seeded) {
    List<String> modified = new ArrayList<>();
    for (GenericKubernetesResource before : seeded) {
      GenericKubernetesResource now =
          user.genericKubernetesResources(before.getApiVersion(), before.getKind())
              .inNamespace(ns)
              .withName(before.getMetadata().getName())
              .get();
      if (now == null
          || !now.getMetadata()
              .getResourceVersion()
              .equals(before.getMetadata().getResourceVersion())) {
        modified.add(before.getKind() + " " + before.getMetadata().getName());
      }
    }
    return modified;
  }
}
