package dev.apicontroller.operator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.apicontroller.k8s.ApiResource;
import dev.apicontroller.model.ApiStatus;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Issue #6: two operator replicas (separate JVMs) with leader election, each through its own proxy
 * so that every request is attributed to its replica. Only the leader writes. The leader is killed
 * with SIGKILL while new and edited {@code Api}s stream in; the standby takes the Lease over and
 * finishes the work: nothing lost (every {@code Api} converges, also those that arrived while no
 * one led) and nothing done twice (the {@code Api}s the old leader had finished get no write at
 * all: their objects' and their own resourceVersions are unchanged, and no write is refused).
 *
 * <p>Lease settings: java-operator-sdk's defaults, used by ApiControllerOperator: lease duration 15
 * s, renew deadline 10 s, retry period 2 s.
 */
class LeaderFailoverIT {
  private static final int BEFORE = Integer.getInteger("apicontroller.failover.apis", 100);
  private static final int AFTER = BEFORE / 2;
  private static final int EDITED = BEFORE / 5;
  private static final String VS = ApiLifecycleIT.VS_LEGACY;
  private static final String POLICY = ApiLifecycleIT.POLICY;

  private final String tag = Long.toString(System.nanoTime() % 100000);
  private final String ns = "failover-" + tag;
  // deploy/'s lease Role lives in the ServiceAccount's namespace, so the Lease must be there too.
  private final String leaseNs = OperatorServiceAccount.namespace();

  @Test
  void theStandbyTakesOverWhenTheLeaderIsKilledWithoutLostOrDuplicateWork() throws Exception {
    try (KubernetesClient user =
            new KubernetesClientBuilder().withConfig(TestApiServer.config()).build();
        FaultInjectingProxy proxyA =
            new FaultInjectingProxy(TestApiServer.serviceAccountConfig(), 1);
        FaultInjectingProxy proxyB =
            new FaultInjectingProxy(TestApiServer.serviceAccountConfig(), 2)) {
      user.resource(new NamespaceBuilder().withNewMetadata().withName(ns).endMetadata().build())
          .create();
      // A Lease another test left behind would only delay the first election by its duration.
      user.leases().inNamespace(leaseNs).withName(ApiControllerOperator.LEASE_NAME).delete();
      Map<String, String> env = new HashMap<>(OperatorHarness.baseEnv());
      env.put("LEADER_ELECTION", "true");
      env.put("POD_NAMESPACE", leaseNs);
      env.put("WATCH_NAMESPACES", ns);
      OperatorProcess a = new OperatorProcess("replica-a", proxyA.url(), env);
      OperatorProcess b = new OperatorProcess("replica-b", proxyB.url(), env);
      try {
        a.start();
        awaitTrue(() -> "replica-a".equals(holder(user)), Duration.ofSeconds(90), "a leads");
        a.awaitReady(Duration.ofSeconds(60));
        b.start();
        awaitTrue(
            () -> proxyB.requests().stream().anyMatch(r -> r.path().contains("/leases/")),
            Duration.ofSeconds(90),
            "b campaigns for the lease");

        for (int i = 0; i < BEFORE; i++) create(user, i);
        awaitTrue(() -> unconverged(user).isEmpty(), Duration.ofMinutes(3), "first Apis converge");
        Thread.sleep(3000); // let stray writes, if any, show
        List<FaultInjectingProxy.Request> standbyWrites = nonLeaseWrites(proxyB);
        int leaderWrites = nonLeaseWrites(proxyA).size();
        assertThat(holder(user)).isEqualTo("replica-a");
        assertThat(standbyWrites).as("writes by the standby while a leads").isEmpty();

        // More work for a, and a dies in the middle of it; the rest arrives while no one leads.
        proxyB.resetRequests();
        List<Runnable> actions = new ArrayList<>();
        for (int i = 0; i < AFTER; i++) {
          int created = BEFORE + i;
          actions.add(() -> create(user, created));
          if (i < EDITED) {
            int edited = i;
            actions.add(() -> moveHost(user, edited));
          }
        }
        long killed = 0;
        for (int k = 0; k < actions.size(); k++) {
          if (k == actions.size() / 2) {
            killed = System.nanoTime();
            a.kill();
          }
          actions.get(k).run();
        }
        Thread.sleep(1000); // requests a sent before it died have landed
        Set<String> doneByA = new HashSet<>(names(user));
        doneByA.removeAll(unconverged(user));
        Map<String, String> before = versions(user);
        int leftOver = BEFORE + AFTER - doneByA.size();

        awaitTrue(() -> "replica-b".equals(holder(user)), Duration.ofSeconds(90), "b leads");
        long tookOver = System.nanoTime();
        awaitTrue(() -> unconverged(user).isEmpty(), Duration.ofMinutes(3), "all Apis converge");
        long converged = System.nanoTime();
        Thread.sleep(3000);

        Map<String, String> after = versions(user);
        List<String> touchedDone = new ArrayList<>();
        for (String name : doneByA) {
          for (String kind : List.of("Api", "VirtualService", "Policy")) {
            String key = kind + " " + name;
            if (!before.get(key).equals(after.get(key))) touchedDone.add(key);
          }
        }
        List<FaultInjectingProxy.Request> writes = nonLeaseWrites(proxyB);
        List<String> writesToDone =
            writes.stream()
                .map(FaultInjectingProxy.Request::path)
                .filter(p -> doneByA.contains(apiName(p)))
                .toList();
        List<FaultInjectingProxy.Request> refused =
            writes.stream().filter(r -> r.status() >= 300).toList();
        Map<String, Long> writesByKind =
            writes.stream()
                .collect(
                    Collectors.groupingBy(
                        r -> r.method() + " " + kindOf(r.path()), Collectors.counting()));

        System.out.printf(
            "FAILOVER: apisBefore=%d leaderWritesBefore=%d standbyWritesBefore=%d"
                + " killToNewLeaseHolderMs=%d killToAllConvergedMs=%d newApis=%d editedApis=%d"
                + " convergedByOldLeader=%d leftOverAtKill=%d newLeaderWrites=%d %s"
                + " writesForApisTheOldLeaderFinished=%d finishedApisRewritten=%d"
                + " refusedWrites=%d lease=15s/renew=10s/retry=2s%n",
            BEFORE,
            leaderWrites,
            standbyWrites.size(),
            (tookOver - killed) / 1_000_000,
            (converged - killed) / 1_000_000,
            AFTER,
            EDITED,
            doneByA.size(),
            leftOver,
            writes.size(),
            writesByKind,
            writesToDone.size(),
            touchedDone.size(),
            refused.size());

        assertThat(leftOver).as("the leader died with work left").isPositive();
        assertThat(writesToDone).as("writes for Apis the old leader had finished").isEmpty();
        assertThat(touchedDone).as("Apis the old leader had finished, rewritten").isEmpty();
        assertThat(refused).as("writes the API server refused (duplicates)").isEmpty();
        // No lost work, and nothing beyond what it took: at most a Policy, a VirtualService and a
        // status per Api left over.
        assertThat(writes).hasSizeLessThanOrEqualTo(3 * leftOver);
        assertThat(objectsFor(user, VS)).hasSize(BEFORE + AFTER);
        assertThat(objectsFor(user, POLICY)).hasSize(BEFORE + AFTER);
      } finally {
        a.close();
        b.close();
      }
    }
  }

  private void create(KubernetesClient user, int i) {
    String yaml = FaultsIT.api(ns, "api-" + i, "svc-" + i, "fo" + tag + "-" + i, null);
    user.resource(user.getKubernetesSerialization().unmarshal(yaml, ApiResource.class)).create();
  }

  private void moveHost(KubernetesClient user, int i) {
    user.resources(ApiResource.class)
        .inNamespace(ns)
        .withName("api-" + i)
        .patch(
            PatchContext.of(PatchType.JSON_MERGE),
            "{\"spec\":{\"hostname\":\"fo" + tag + "-" + i + "-moved\"}}");
  }

  private List<String> names(KubernetesClient user) {
    return user.resources(ApiResource.class).inNamespace(ns).list().getItems().stream()
        .map(api -> api.getMetadata().getName())
        .toList();
  }

  private String holder(KubernetesClient user) {
    Lease lease =
        user.leases().inNamespace(leaseNs).withName(ApiControllerOperator.LEASE_NAME).get();
    return lease == null || lease.getSpec() == null ? null : lease.getSpec().getHolderIdentity();
  }

  private List<String> unconverged(KubernetesClient user) {
    List<String> problems = new ArrayList<>();
    for (ApiResource api : user.resources(ApiResource.class).inNamespace(ns).list().getItems()) {
      ApiStatus s = api.getStatus();
      boolean ok =
          s != null
              && api.getMetadata().getGeneration().equals(s.observedGeneration())
              && s.virtualServiceStatus() != null
              && s.virtualServiceStatus().code() == 2
              && s.authenticationStatus() != null
              && s.authenticationStatus().code() == 2;
      if (!ok) problems.add(api.getMetadata().getName());
    }
    return problems;
  }

  /** resourceVersions of every Api and its objects, keyed {@code Kind name}. */
  private Map<String, String> versions(KubernetesClient user) {
    Map<String, String> versions = new HashMap<>();
    for (ApiResource api : user.resources(ApiResource.class).inNamespace(ns).list().getItems()) {
      versions.put("Api " + api.getMetadata().getName(), api.getMetadata().getResourceVersion());
    }
    for (String apiVersion : List.of(VS, POLICY)) {
      for (GenericKubernetesResource o : objectsFor(user, apiVersion)) {
        versions.put(
            o.getKind() + " " + o.getMetadata().getName(), o.getMetadata().getResourceVersion());
      }
    }
    return versions;
  }

  private List<GenericKubernetesResource> objectsFor(KubernetesClient user, String apiVersion) {
    String kind = apiVersion.equals(VS) ? "VirtualService" : "Policy";
    return user.genericKubernetesResources(apiVersion, kind).inNamespace(ns).list().getItems();
  }

  private static List<FaultInjectingProxy.Request> nonLeaseWrites(FaultInjectingProxy proxy) {
    return proxy.requests().stream()
        .filter(FaultInjectingProxy.Request::write)
        .filter(r -> !r.path().contains("/leases"))
        // Access reviews are questions, not writes: leader election asks one at start.
        .filter(r -> !r.path().startsWith("/apis/authorization.k8s.io/"))
        // Events are a record of the writes, not work: the budget below counts the work.
        .filter(r -> !r.path().startsWith("/apis/events.k8s.io/"))
        .toList();
  }

  /** {@code api-n} of a write to {@code .../api-n} or {@code .../api-n/status}, else "". */
  private static String apiName(String path) {
    java.util.regex.Matcher m =
        java.util.regex.Pattern.compile("/(api-\\d+)(/status)?$").matcher(path);
    return m.find() ? m.group(1) : "";
  }

  private static String kindOf(String path) {
    for (String kind : List.of("virtualservices", "policies", "apis")) {
      if (path.contains("/" + kind)) return kind + (path.endsWith("/status") ? "/status" : "");
    }
    return path;
  }

  private static void awaitTrue(BooleanSupplier condition, Duration timeout, String what)
      throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) throw new AssertionError("timed out: " + what);
      Thread.sleep(250);
    }
  }
}
