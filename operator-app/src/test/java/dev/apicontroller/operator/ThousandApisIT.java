package dev.apicontroller.operator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.apicontroller.k8s.ApiResource;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Many secured Apis created at once all become ready, at no more than three API writes each and
 * with no reads outside the informers. Prints the time it took (figures in docs/performance.md);
 * the assertion is on behaviour, not on speed. {@code -Dapicontroller.load.apis=N} changes N.
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

      int writes = harness.operatorRequests.writes().size();
      System.out.printf(
          "LOAD %d secured Apis: created in %.1f s, all ready %.1f s after the first create;"
              + " operator writes %d (%.2f per Api), direct reads %d%n",
          APIS,
          (created - started) / 1e9,
          (ready - started) / 1e9,
          writes,
          writes / (double) APIS,
          harness.operatorRequests.directReads().size());
      assertThat(writes).isLessThanOrEqualTo(3 * APIS);
      assertThat(harness.operatorRequests.directReads()).isEmpty();
      harness.user.resources(ApiResource.class).inNamespace(ns).delete();
    }
  }

  private static long ready(OperatorHarness harness, String ns) {
    return harness.user.resources(ApiResource.class).inNamespace(ns).list().getItems().stream()
        .filter(a -> a.getStatus() != null)
        .filter(a -> a.getStatus().virtualServiceStatus() != null)
        .filter(a -> a.getStatus().virtualServiceStatus().code() == 2)
        .count();
  }
}
