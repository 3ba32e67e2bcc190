package dev.apicontroller.operator;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.authorization.v1.SelfSubjectAccessReview;
import io.fabric8.kubernetes.api.model.authorization.v1.SelfSubjectAccessReviewBuilder;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.time.Duration;
import java.util.List;

/**
 * The ServiceAccount deploy/ runs the operator as, with exactly deploy/'s RBAC: installed on a test
 * API server and acted as through impersonation, so the server's RBAC authorizer (kube-api-test
 * runs it) judges every request the operator makes, as it would in a cluster.
 */
final class OperatorServiceAccount {
  /** The deploy/ kinds that make up the operator's identity and rights (the CRD comes apart). */
  private static final List<String> RBAC_KINDS =
      List.of(
          "Namespace",
          "ServiceAccount",
          "ClusterRole",
          "ClusterRoleBinding",
          "Role",
          "RoleBinding");

  private OperatorServiceAccount() {}

  /** The ServiceAccount's namespace: where the lease Role, and so the Lease, must be. */
  static String namespace() {
    return account().at("/metadata/namespace").asText();
  }

  static String name() {
    return account().at("/metadata/name").asText();
  }

  /** {@code system:serviceaccount:<namespace>:<name>}, the user name the API server sees. */
  static String userName() {
    return "system:serviceaccount:" + namespace() + ":" + name();
  }

  private static JsonNode account() {
    List<JsonNode> accounts =
        DeployManifests.all().stream()
            .filter(d -> "ServiceAccount".equals(d.path("kind").asText()))
            .toList();
    if (accounts.size() != 1) {
      throw new AssertionError("deploy/ should hold one ServiceAccount, holds " + accounts.size());
    }
    return accounts.get(0);
  }

  /**
   * Applies deploy/'s namespace, ServiceAccount, roles and bindings with {@code admin}, and waits
   * until the RBAC authorizer has seen them.
   */
  static void install(KubernetesClient admin) {
    for (JsonNode doc : DeployManifests.all()) {
      if (!RBAC_KINDS.contains(doc.path("kind").asText())) continue;
      HasMetadata object = admin.getKubernetesSerialization().unmarshal(doc.toString());
      admin.resource(object).fieldManager("rbac-test-setup").forceConflicts().serverSideApply();
    }
    awaitAuthorized(admin.getConfiguration());
  }

  /**
   * Waits until the API server authorizes the ServiceAccount: RBAC is enforced from informer caches
   * inside the API server, filled some time after the roles are written or the server (re)started.
   */
  static void awaitAuthorized(Config admin) {
    try (KubernetesClient operator =
        new KubernetesClientBuilder().withConfig(impersonating(admin)).build()) {
      await()
          .atMost(Duration.ofSeconds(30))
          .pollInterval(Duration.ofMillis(100))
          .until(() -> allowed(operator, "gateway.kyma-project.io", "apis", "watch"));
    }
  }

  private static boolean allowed(
      KubernetesClient client, String group, String resource, String verb) {
    SelfSubjectAccessReview review =
        new SelfSubjectAccessReviewBuilder()
            .withNewSpec()
            .withNewResourceAttributes()
            .withGroup(group)
            .withResource(resource)
            .withVerb(verb)
            .endResourceAttributes()
            .endSpec()
            .build();
    return client
        .authorization()
        .v1()
        .selfSubjectAccessReview()
        .create(review)
        .getStatus()
        .getAllowed();
  }

  /**
   * {@code admin} acting as the ServiceAccount, with the groups the API server gives a
   * ServiceAccount token: only the rights bound to those (deploy/'s roles and the defaults every
   * authenticated user has, such as API discovery).
   */
  static Config impersonating(Config admin) {
    return new ConfigBuilder(admin)
        .withImpersonateUsername(userName())
        .withImpersonateGroups(
            "system:serviceaccounts",
            "system:serviceaccounts:" + namespace(),
            "system:authenticated")
        .build();
  }
}
