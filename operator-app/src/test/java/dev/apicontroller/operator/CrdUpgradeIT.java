package dev.apicontroller.operator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.apicontroller.k8s.ApiResource;
import dev.apicontroller.model.Api;
import dev.apicontroller.model.ApiCrd;
import dev.apicontroller.model.ApiStatus;
import io.fabric8.kubeapitest.KubeAPIServer;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 7: our CRD applied over the original controller's keeps every stored {@code Api} readable,
 * and the operator then serves them. A cluster of its own: the shared one already has our CRD.
 */
class CrdUpgradeIT {
  static final String API = "gateway.kyma-project.io/v1alpha2";
  static final String NS = "upgraded";
  static final String CRD_NAME = "apis.gateway.kyma-project.io";
  static KubeAPIServer server;
  static KubernetesClient client;

  @BeforeAll
  static void startCluster() {
    server = TestApiServer.newServer();
    server.start();
    client =
        new KubernetesClientBuilder()
            .withConfig(Config.fromKubeconfig(server.getKubeConfigYaml()))
            .build();
  }

  @AfterAll
  static void stopCluster() {
    if (client != null) client.close();
    if (server != null) server.stop();
  }

  /** An Api stored under the original CRD, its status written with a plain update as Go did. */
  private static void storeOriginalApi(String name, String hostname, String extra, String status) {
    String yaml =
        """
        apiVersion: gateway.kyma-project.io/v1alpha2
        kind: Api
        metadata: {name: %s, namespace: %s}
        spec:
          service: {name: %s, port: 8080}
          hostname: %s
        %s
        status:
        %s
        """
            .formatted(name, NS, name, hostname, extra.indent(2), status.indent(2));
    GenericKubernetesResource api =
        client.getKubernetesSerialization().unmarshal(yaml, GenericKubernetesResource.class);
    GenericKubernetesResource created = client.resource(api).create();
    assertThat(created.getAdditionalProperties()).as(name).containsKey("status");
  }

  private static String ourCrdOver(CustomResourceDefinition existing) {
    CustomResourceDefinition ours =
        client
            .apiextensions()
            .v1()
            .customResourceDefinitions()
            .load(new ByteArrayInputStream(ApiCrd.yaml().getBytes(StandardCharsets.UTF_8)))
            .item();
    ours.getMetadata().setResourceVersion(existing.getMetadata().getResourceVersion());
    return client.resource(ours).update().getMetadata().getResourceVersion();
  }

  @Test
  void storedApisStayReadableAfterOurCrdReplacesTheOriginalsAndAreThenServed() {
    TestApiServer.install(
        client,
        TestApiServer.resource("/original-controller/" + "apis.gateway.kyma-project.io.yaml"));
    client
        .resource(new NamespaceBuilder().withNewMetadata().withName(NS).endMetadata().build())
        .create();
    storeOriginalApi(
        "orders",
        "orders.kyma.local",
        """
        authenticationEnabled: true
        authentication:
        - type: JWT
          jwt: {issuer: https://accounts.google.com, jwksUri: https://www.googleapis.com/oauth2/v3/certs}
        """,
        """
        validationStatus: 2
        authenticationStatus: {code: 2, resource: {name: orders, uid: p-1, version: "10"}}
        virtualServiceStatus: {code: 2, resource: {name: orders, uid: v-1, version: "11"}}
        """);
    storeOriginalApi(
        "catalog",
        "catalog",
        "",
        """
        validationStatus: 2
        authenticationStatus: {resource: {}}
        virtualServiceStatus: {code: 2, resource: {name: catalog, uid: v-2, version: "12"}}
        """);
    storeOriginalApi(
        "broken",
        "broken.kyma.local",
        "",
        """
        validationStatus: 3
        authenticationStatus: {resource: {}}
        virtualServiceStatus: {code: 3, lastError: "create failed", resource: {}}
        """);

    ourCrdOver(client.apiextensions().v1().customResourceDefinitions().withName(CRD_NAME).get());
    // Our CRD is in effect once the status subresource is served.
    await()
        .atMost(Duration.ofSeconds(30))
        .ignoreExceptions()
        .until(
            () -> {
              var crd =
                  client.apiextensions().v1().customResourceDefinitions().withName(CRD_NAME).get();
              return crd.getSpec().getVersions().get(0).getSubresources() != null
                  && client.resources(ApiResource.class).inNamespace(NS).withName("orders").get()
                      != null;
            });

    List<ApiResource> read = client.resources(ApiResource.class).inNamespace(NS).list().getItems();
    assertThat(read)
        .extracting(a -> a.getMetadata().getName())
        .containsExactlyInAnyOrder("orders", "catalog", "broken");
    for (ApiResource resource : read) {
      Api api = resource.toApi();
      assertThat(api.spec().service().port()).as(api.qualifiedName()).isEqualTo(8080);
      assertThat(api.status()).as(api.qualifiedName()).isNotNull();
      assertThat(api.status().conditions()).isEmpty();
    }
    ApiResource orders =
        read.stream()
            .filter(a -> a.getMetadata().getName().equals("orders"))
            .findFirst()
            .orElseThrow();
    assertThat(orders.getSpec().authenticationEnabled()).isTrue();
    assertThat(orders.getSpec().authentication()).hasSize(1);
    assertThat(orders.getStatus().authenticationStatus().resource().uid()).isEqualTo("p-1");

    // The operator then reads and serves them, replacing the original's status with its own.
    TestApiServer.install(
        client, List.of(UpstreamCrds.named("virtualservices.networking.istio.io")));
    TestApiServer.install(client, TestApiServer.resource(TestApiServer.LEGACY_POLICY_CRD));
    // The operator runs as deploy/'s ServiceAccount here too.
    OperatorServiceAccount.install(client);
    WriteCounter operatorRequests = new WriteCounter();
    Map<String, String> env = OperatorHarness.baseEnv();
    env.put("DOMAIN_NAME", "kyma.local");
    try (KubernetesClient operatorClient =
            new KubernetesClientBuilder()
                .withConfig(OperatorServiceAccount.impersonating(client.getConfiguration()))
                .withHttpClientBuilderConsumer(
                    b -> b.addOrReplaceInterceptor("write-counter", operatorRequests))
                .build();
        ApiControllerOperator operator =
            new ApiControllerOperator(
                operatorClient, OperatorSettings.fromEnvironment(env), new SimpleMeterRegistry())) {
      operator.start();
      for (String name : List.of("orders", "catalog", "broken")) {
        await()
            .atMost(OperatorHarness.WAIT)
            .pollInterval(Duration.ofMillis(200))
            .until(
                () -> {
                  ApiStatus s =
                      client
                          .resources(ApiResource.class)
                          .inNamespace(NS)
                          .withName(name)
                          .get()
                          .getStatus();
                  return !s.conditions().isEmpty()
                      && s.virtualServiceStatus() != null
                      && s.virtualServiceStatus().code() == 2;
                });
        ApiStatus ours =
            client.resources(ApiResource.class).inNamespace(NS).withName(name).get().getStatus();
        assertThat(ours.observedGeneration()).as(name).isNotNull();
        // Replaced whole: nothing of the original's status is left (the empty authenticationStatus
        // of an unsecured Api, the lastError of "broken").
        if (!name.equals("orders")) assertThat(ours.authenticationStatus()).as(name).isNull();
        assertThat(ours.virtualServiceStatus().lastError()).as(name).isEmpty();
      }
    }
    assertThat(operatorRequests.forbidden()).as("refused by deploy/'s RBAC").isEmpty();
  }
}
