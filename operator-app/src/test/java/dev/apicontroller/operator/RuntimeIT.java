package dev.apicontroller.operator;

import static dev.apicontroller.operator.OperatorHarness.virtualServiceCode;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Leader election on a Lease, the probes and the Prometheus metrics of a running operator. The
 * operator runs as deploy/'s ServiceAccount, so its Lease is in that account's namespace, the only
 * one where the lease Role lets it write one.
 */
class RuntimeIT {

  @Test
  void theLeaderHoldsALeaseAndServesProbesAndMetrics() throws Exception {
    WriteCounter operatorRequests = new WriteCounter();
    String leaseNamespace = OperatorServiceAccount.namespace();
    try (KubernetesClient client =
            new KubernetesClientBuilder().withConfig(TestApiServer.config()).build();
        KubernetesClient operatorClient =
            new KubernetesClientBuilder()
                .withConfig(TestApiServer.serviceAccountConfig())
                .withHttpClientBuilderConsumer(
                    b -> b.addOrReplaceInterceptor("write-counter", operatorRequests))
                .build()) {
      String ns = "runtime-" + System.nanoTime() % 100000;
      client
          .resource(new NamespaceBuilder().withNewMetadata().withName(ns).endMetadata().build())
          .create();
      Map<String, String> env = new HashMap<>(OperatorHarness.baseEnv());
      env.put("LEADER_ELECTION", "true");
      env.put("POD_NAMESPACE", leaseNamespace);
      env.put("WATCH_NAMESPACES", ns);
      PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
      ApiControllerOperator operator =
          new ApiControllerOperator(
              operatorClient, OperatorSettings.fromEnvironment(env), registry);
      try (HealthServer health = new HealthServer(0, operator::ready, registry)) {
        health.start();
        assertThat(get(health, "/healthz").statusCode()).isEqualTo(200);
        assertThat(get(health, "/readyz").statusCode()).isEqualTo(503);

        operator.start();
        await()
            .atMost(Duration.ofSeconds(30))
            .until(() -> get(health, "/readyz").statusCode() == 200);
        Lease lease =
            await()
                .atMost(Duration.ofSeconds(30))
                .until(
                    () ->
                        client
                            .leases()
                            .inNamespace(leaseNamespace)
                            .withName(ApiControllerOperator.LEASE_NAME)
                            .get(),
                    l -> l != null && l.getSpec().getHolderIdentity() != null);
        assertThat(lease.getSpec().getHolderIdentity()).isNotBlank();

        client
            .resource(
                client
                    .getKubernetesSerialization()
                    .unmarshal(
                        ConflictsIT.openApi(ns, "orders", "orders", ns),
                        dev.apicontroller.k8s.ApiResource.class))
            .create();
        await()
            .atMost(Duration.ofSeconds(30))
            .until(
                () -> {
                  var api =
                      client
                          .resources(dev.apicontroller.k8s.ApiResource.class)
                          .inNamespace(ns)
                          .withName("orders")
                          .get();
                  return api.getStatus() != null && virtualServiceCode(2).test(api.getStatus());
                });

        await()
            .atMost(Duration.ofSeconds(10))
            .untilAsserted(
                () ->
                    assertThat(get(health, "/metrics").body())
                        .contains("apicontroller_apis{code=\"2\"} 1.0")
                        .contains("apicontroller_reconcile_duration_seconds_count"));
      } finally {
        operator.close();
        // The next leader-electing operator in this JVM should not wait for this lease to expire.
        client
            .leases()
            .inNamespace(leaseNamespace)
            .withName(ApiControllerOperator.LEASE_NAME)
            .delete();
      }
      assertThat(operatorRequests.forbidden()).as("refused by deploy/'s RBAC").isEmpty();
    }
  }

  /**
   * An informer that cannot list stops java-operator-sdk's start; the process must then exit (and
   * the pod restart) rather than live on with /healthz answering and never becoming ready. The
   * operator here acts as a ServiceAccount without any role: discovery is allowed, every list is
   * forbidden.
   */
  @Test
  void anOperatorWhoseInformersCannotListExitsInsteadOfStayingUnready() throws Exception {
    Config noRights =
        new ConfigBuilder(TestApiServer.config())
            .withImpersonateUsername("system:serviceaccount:default:no-rights")
            .withImpersonateGroups("system:serviceaccounts", "system:authenticated")
            .build();
    try (FaultInjectingProxy proxy = new FaultInjectingProxy(noRights, 3)) {
      OperatorProcess operator =
          new OperatorProcess("no-rights", proxy.url(), OperatorHarness.baseEnv());
      try {
        operator.start();
        await()
            .atMost(Duration.ofSeconds(120))
            .pollInterval(Duration.ofMillis(200))
            .until(() -> operator.exitCode() != null);
        assertThat(operator.exitCode()).isEqualTo(1);
        assertThat(Files.readString(operator.log())).contains("cannot start");
        assertThat(proxy.requests()).anySatisfy(r -> assertThat(r.status()).isEqualTo(403));
      } finally {
        operator.close();
      }
    }
  }

  private static HttpResponse<String> get(HealthServer health, String path) throws Exception {
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(URI.create("http://localhost:" + health.port() + path)).build(),
            HttpResponse.BodyHandlers.ofString());
  }
}
