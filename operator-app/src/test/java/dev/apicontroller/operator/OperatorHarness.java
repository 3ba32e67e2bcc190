package dev.apicontroller.operator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.apicontroller.k8s.ApiResource;
import dev.apicontroller.model.ApiStatus;
import dev.apicontroller.model.ImmutableApiSpec;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;
import org.awaitility.core.ConditionFactory;

/**
 * The operator running in-process against the shared {@link TestApiServer} as deploy/'s
 * ServiceAccount (so with exactly deploy/'s RBAC), plus a separate admin client that plays the
 * user. Each test gets its own namespace. A request the API server refuses as forbidden fails the
 * waits at once and {@link #close()} in any case.
 */
final class OperatorHarness implements AutoCloseable {
  static final Duration WAIT = Duration.ofSeconds(30);
  private static final AtomicInteger NAMESPACES = new AtomicInteger();

  final KubernetesClient user;
  final WriteCounter operatorRequests = new WriteCounter();
  private final KubernetesClient operatorClient;
  private ApiControllerOperator operator;

  OperatorHarness(Map<String, String> env) {
    user = new KubernetesClientBuilder().withConfig(TestApiServer.config()).build();
    operatorClient =
        new KubernetesClientBuilder()
            .withConfig(TestApiServer.serviceAccountConfig())
            .withHttpClientBuilderConsumer(
                b -> b.addOrReplaceInterceptor("write-counter", operatorRequests))
            .build();
    start(env);
  }

  /**
   * The settings every test starts from: a default issuer, no leader election, and the legacy
   * profile the tests were written for (without one the operator would pick the newest target the
   * test cluster serves, v1).
   */
  static Map<String, String> baseEnv() {
    Map<String, String> env = new HashMap<>();
    env.put("ISTIO_PROFILE", "legacy");
    env.put("DEFAULT_ISSUER", "https://default.example.com");
    env.put("DEFAULT_JWKS_URI", "https://default.example.com/jwks");
    env.put("LEADER_ELECTION", "false");
    return env;
  }

  void start(Map<String, String> env) {
    operator =
        new ApiControllerOperator(
            operatorClient, OperatorSettings.fromEnvironment(env), new SimpleMeterRegistry());
    operator.start();
  }

  /** Stops the running operator; {@link #start} starts another. */
  void stop() {
    operator.close();
  }

  /** Stops the running operator and starts one with other settings (a configuration change). */
  void restart(Map<String, String> env) {
    operator.close();
    start(env);
  }

  String newNamespace(String prefix) {
    String name = prefix + "-" + NAMESPACES.incrementAndGet();
    user.resource(new NamespaceBuilder().withNewMetadata().withName(name).endMetadata().build())
        .create();
    return name;
  }

  ApiResource createApi(String yaml) {
    ApiResource api = user.getKubernetesSerialization().unmarshal(yaml, ApiResource.class);
    return user.resource(api).create();
  }

  ApiResource api(String namespace, String name) {
    return user.resources(ApiResource.class).inNamespace(namespace).withName(name).get();
  }

  /** Waits until the {@code Api}'s status satisfies {@code condition}; returns that status. */
  ApiStatus awaitStatus(String namespace, String name, Predicate<ApiStatus> condition) {
    ApiStatus[] seen = new ApiStatus[1];
    awaiting()
        .until(
            () -> {
              ApiResource api = api(namespace, name);
              seen[0] = api == null ? null : api.getStatus();
              return seen[0] != null && condition.test(seen[0]);
            });
    return seen[0];
  }

  /**
   * A wait of at most {@link #WAIT} that stops at once when the operator was refused a request: an
   * RBAC gap shows as that, not as a timeout.
   */
  ConditionFactory awaiting() {
    return await()
        .atMost(WAIT)
        .pollInterval(Duration.ofMillis(200))
        .failFast(
            "the API server refused the operator (deploy/ RBAC lacks a rule)",
            () -> assertNothingForbidden());
  }

  /** Fails naming every request of the operator that the API server refused with 403. */
  void assertNothingForbidden() {
    assertThat(operatorRequests.forbidden())
        .as(
            "operator requests forbidden by deploy/'s RBAC (user %s)",
            OperatorServiceAccount.userName())
        .isEmpty();
  }

  static Predicate<ApiStatus> virtualServiceCode(int code) {
    return s -> s.virtualServiceStatus() != null && s.virtualServiceStatus().code() == code;
  }

  GenericKubernetesResource object(String apiVersion, String kind, String namespace, String name) {
    return user.genericKubernetesResources(apiVersion, kind)
        .inNamespace(namespace)
        .withName(name)
        .get();
  }

  GenericKubernetesResource awaitObject(
      String apiVersion,
      String kind,
      String namespace,
      String name,
      Predicate<GenericKubernetesResource> condition) {
    GenericKubernetesResource[] seen = new GenericKubernetesResource[1];
    awaiting()
        .until(
            () -> {
              seen[0] = object(apiVersion, kind, namespace, name);
              return seen[0] != null && condition.test(seen[0]);
            });
    return seen[0];
  }

  void awaitGone(String apiVersion, String kind, String namespace, String name) {
    awaiting().until(() -> object(apiVersion, kind, namespace, name) == null);
  }

  /** Changes an {@code Api}'s spec as a user would (read, change, write back). */
  static void editSpec(
      KubernetesClient client, String ns, String name, UnaryOperator<ImmutableApiSpec> change) {
    client
        .resources(ApiResource.class)
        .inNamespace(ns)
        .withName(name)
        .edit(
            api -> {
              api.setSpec(change.apply(ImmutableApiSpec.copyOf(api.getSpec())));
              return api;
            });
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> spec(GenericKubernetesResource object) {
    return (Map<String, Object>) object.getAdditionalProperties().get("spec");
  }

  @Override
  public void close() {
    operator.close();
    operatorClient.close();
    user.close();
    assertNothingForbidden();
  }
}
