package dev.apicontroller.operator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.apicontroller.k8s.ApiResource;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.client.NamespacedKubernetesClient;
import io.fabric8.kubernetes.client.RequestConfigBuilder;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Many secured Apis created at once all become ready, at no more than three API writes each
 * (Policy, VirtualService, status) and with no reads outside the informers. Prints the time it took
 * (figures in docs/performance.md); the assertion is on behaviour, not on speed. {@code
 * -Dapicontroller.load.apis=N} changes N.
 */
class ThousandApisIT {
  private static final int APIS = Integer.getInteger("apicontroller.load.apis", 1000);

  @Test
  void manySecuredApisCreatedAtOnceAllBecomeReadyWithinTheWriteBudget() throws Exception {
    String ns = "load-" + System.nanoTime() % 100000;
    Map<String, String> env = new HashMap<>(OperatorHarness.baseEnv());
    env.put("WATCH_NAMESPACES", ns);
    try (OperatorHarness harness = new OperatorHarness(env)) {
      harness
          .user
          .resource(new NamespaceBuilder().withNewMetadata().withName(ns).endMetadata().build())
          .create();
      harness.operatorRequests.reset();

      long started = System.nanoTime();
      ExecutorService creators = Executors.newFixedThreadPool(8);
      IntStream.range(0, APIS)
          .forEach(
              i ->
                  creators.submit(
                      () ->
                          harness.createApi(
                              ApiLifecycleIT.securedApi(
                                  ns, "api-" + i, "svc-" + i, ns + "-" + i))));
      creators.shutdown();
      assertThat(creators.awaitTermination(5, TimeUnit.MINUTES)).isTrue();
      long created = System.nanoTime();

      await()
          .atMost(Duration.ofMinutes(5))
          .pollInterval(Duration.ofSeconds(1))
          .until(() -> ready(harness, ns) == APIS);
      long ready = System.nanoTime();

      int writes = harness.operatorRequests.writesBesidesEvents().size();
      int events = harness.operatorRequests.writes().size() - writes;
      System.out.printf(
          "LOAD %d secured Apis: created in %.1f s, all ready %.1f s after the first create;"
              + " operator writes %d (%.2f per Api) and %d Events, direct reads %d%n",
          APIS,
          (created - started) / 1e9,
          (ready - started) / 1e9,
          writes,
          writes / (double) APIS,
          events,
          harness.operatorRequests.directReads().size());
      assertThat(writes).isLessThanOrEqualTo(3 * APIS);
      assertThat(harness.operatorRequests.directReads()).isEmpty();

      // A configuration change reaches every Api: one VirtualService update and one status each.
      Map<String, String> changed = new HashMap<>(env);
      changed.put("GATEWAY_FQDN", "edge.istio-system.svc.cluster.local");
      harness.operatorRequests.reset();
      long restarted = System.nanoTime();
      harness.restart(changed);
      await()
          .atMost(Duration.ofMinutes(5))
          .pollInterval(Duration.ofSeconds(1))
          .until(() -> onGateway(harness, ns, "edge.istio-system.svc.cluster.local") == APIS);
      long applied = System.nanoTime();
      pause();
      int changeWrites = harness.operatorRequests.writesBesidesEvents().size();
      System.out.printf(
          "LOAD configuration change: %d VirtualServices rewritten %.1f s after the restart;"
              + " operator writes %d (%.2f per Api)%n",
          APIS, (applied - restarted) / 1e9, changeWrites, changeWrites / (double) APIS);
      assertThat(changeWrites).isLessThanOrEqualTo(2 * APIS);
      // One request that marks 1,000 Apis deleted while the operator cleans up after each: on two
      // busy cores it can take longer than the client's default 10 s request timeout.
      harness
          .user
          .adapt(NamespacedKubernetesClient.class)
          .withRequestConfig(new RequestConfigBuilder().withRequestTimeout(120_000).build())
          .call(c -> c.resources(ApiResource.class).inNamespace(ns).delete());
    }
  }

  @SuppressWarnings("unchecked")
  private static long onGateway(OperatorHarness harness, String ns, String gateway) {
    return harness
        .user
        .genericKubernetesResources(ApiLifecycleIT.VS_LEGACY, "VirtualService")
        .inNamespace(ns)
        .list()
        .getItems()
        .stream()
        .filter(vs -> java.util.List.of(gateway).equals(OperatorHarness.spec(vs).get("gateways")))
        .count();
  }

  /** Lets the status writes that follow the last object writes finish. */
  private static void pause() throws InterruptedException {
    Thread.sleep(3000);
  }

  private static long ready(OperatorHarness harness, String ns) {
    return harness.user.resources(ApiResource.class).inNamespace(ns).list().getItems().stream()
        .filter(a -> a.getStatus() != null)
        .filter(a -> a.getStatus().virtualServiceStatus() != null)
        .filter(a -> a.getStatus().virtualServiceStatus().code() == 2)
        .count();
  }
}
