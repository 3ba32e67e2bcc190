package dev.apicontroller.operator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.apicontroller.k8s.ApiResource;
import dev.apicontroller.model.ApiStatus;
import dev.apicontroller.translate.hold.AuthenticationHold;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBindingBuilder;
import io.fabric8.kubernetes.api.model.rbac.PolicyRule;
import io.fabric8.kubernetes.api.model.rbac.Role;
import io.fabric8.kubernetes.api.model.rbac.RoleBindingBuilder;
import io.fabric8.kubernetes.api.model.rbac.RoleBuilder;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.javaoperatorsdk.operator.LeaderElectionManager;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * deploy/'s RBAC is no more than the operator needs: run as deploy/'s ServiceAccount through
 * scenarios that together take every permission (both profiles and both route kinds; objects
 * created, updated and deleted; the original Go controller's objects and status adopted; leader
 * election), every rule of the ClusterRole and the lease Role must have been used. (That the rules
 * are enough is proven by the API server itself: every IT's operator runs as that account and fails
 * on a 403.)
 */
class RbacCoverageIT {
  /**
   * Lease verbs java-operator-sdk demands before it elects a leader (it asks the API server with a
   * SelfSubjectRulesReview, not with requests of those verbs); {@link
   * #withoutOneOfTheCheckedLeaseVerbsLeaderElectionRefusesToStart} proves each is required.
   */
  static final Set<String> CHECKED_BY_LEADER_ELECTION =
      Set.of(
          "coordination.k8s.io/leases:get",
          "coordination.k8s.io/leases:create",
          "coordination.k8s.io/leases:update");

  private static final String VS = "networking.istio.io/v1";
  private static final String SECURITY = "security.istio.io/v1";
  private static final String POLICY = ApiLifecycleIT.POLICY;

  private KubernetesClient admin;
  private final List<String> operatorRequests = new ArrayList<>();

  @BeforeEach
  void connect() {
    admin = new KubernetesClientBuilder().withConfig(TestApiServer.config()).build();
  }

  @AfterEach
  void close() {
    deleteLease();
    admin.close();
  }

  @Test
  void theOperatorUsesEveryRuleDeployGrantsIt() {
    String ns = "rbac-coverage-" + System.nanoTime() % 100000;
    // No Lease yet, so the operator has to create it.
    deleteLease();
    admin
        .resource(new NamespaceBuilder().withNewMetadata().withName(ns).endMetadata().build())
        .create();
    admin.resource(ConfigurationIT.service(ns, "orders", "orders")).create();
    admin.resource(ConfigurationIT.service(ns, "left", "left")).create();
    // What the original Go controller left: its objects and its status (apis/status: update).
    new OriginalControllerSeed(admin, ns).api("left", true);
    // What an earlier version of this operator left: an Api with its finalizer (apis: patch).
    admin.resource(ConfigurationIT.service(ns, "upgraded", "upgraded")).create();
    ApiResource upgraded =
        admin
            .getKubernetesSerialization()
            .unmarshal(
                ApiLifecycleIT.securedApi(ns, "upgraded", "upgraded", "upgraded-" + ns),
                ApiResource.class);
    upgraded.getMetadata().setFinalizers(List.of(AuthenticationHold.API_FINALIZER));
    admin.resource(upgraded).create();
    String takenHost = "taken-" + ns;
    admin
        .resource(
            ConflictsIT.foreignVirtualService(
                ns, "someone-elses", takenHost + "." + OriginalControllerSeed.DOMAIN))
        .create();
    Map<String, String> env = OperatorHarness.baseEnv();
    env.put("LEADER_ELECTION", "true");
    env.put("POD_NAMESPACE", OperatorServiceAccount.namespace());
    env.put("WATCH_NAMESPACES", ns);
    env.put("DOMAIN_NAME", OriginalControllerSeed.DOMAIN);

    try (OperatorHarness legacy = new OperatorHarness(env)) {
      // Adopted in place: the VirtualService and Policy updated, the status replaced whole.
      legacy.awaitStatus(ns, "left", ready());
      legacy.awaitStatus(ns, "upgraded", ready());
      legacy
          .awaiting()
          .until(() -> legacy.api(ns, "upgraded").getMetadata().getFinalizers().isEmpty());
      // Created: a Policy and a VirtualService; the status patched.
      legacy.createApi(ApiLifecycleIT.securedApi(ns, "orders", "orders", "orders-" + ns));
      legacy.awaitStatus(ns, "orders", ready());
      // Moved to a host someone else serves (code 4): both objects deleted.
      OperatorHarness.editSpec(admin, ns, "orders", s -> s.withHostname(takenHost));
      legacy.awaitStatus(ns, "orders", OperatorHarness.virtualServiceCode(4));
      legacy.awaitGone(ApiLifecycleIT.VS_LEGACY, "VirtualService", ns, "orders");
      legacy.awaitGone(POLICY, "Policy", ns, "orders");
      // Back and onto the taken host again: the same Warning Event recurs (events: patch).
      OperatorHarness.editSpec(admin, ns, "orders", s -> s.withHostname("orders-" + ns));
      legacy.awaitStatus(ns, "orders", ready());
      OperatorHarness.editSpec(admin, ns, "orders", s -> s.withHostname(takenHost));
      legacy.awaitStatus(ns, "orders", OperatorHarness.virtualServiceCode(4));
      legacy
          .awaiting()
          .until(
              () ->
                  legacy.operatorRequests.writesTo("/apis/events.k8s.io/").stream()
                      .anyMatch(w -> w.startsWith("PATCH ")));
      awaitLeaseRenewed();
      operatorRequests.addAll(legacy.operatorRequests.all());
    }
    // The next operator has another identity and would otherwise wait for this Lease to expire.
    deleteLease();

    env.put("ISTIO_PROFILE", "modern");
    try (OperatorHarness modern = new OperatorHarness(env)) {
      // The profile switch: the Policy deleted, the modern objects created.
      modern.awaitGone(POLICY, "Policy", ns, "left");
      modern.awaitObject(SECURITY, "PeerAuthentication", ns, "left", o -> true);
      // Back on its own host, in the modern profile: RequestAuthentication, AuthorizationPolicy,
      // PeerAuthentication (mTLS is on by default) and the VirtualService created.
      OperatorHarness.editSpec(admin, ns, "orders", s -> s.withHostname("orders-" + ns));
      modern.awaitStatus(ns, "orders", ready());
      // The Service's selector picks the workload: a new one updates the three objects.
      admin
          .services()
          .inNamespace(ns)
          .withName("orders")
          .edit(
              s -> {
                s.getSpec().setSelector(Map.of("app", "orders-v2"));
                return s;
              });
      for (String kind :
          List.of("RequestAuthentication", "AuthorizationPolicy", "PeerAuthentication"))
        modern.awaitObject(SECURITY, kind, ns, "orders", selects("orders-v2"));
      // Unsecured: the three deleted, the VirtualService kept.
      OperatorHarness.editSpec(admin, ns, "orders", s -> s.withAuthentication(List.of()));
      for (String kind :
          List.of("RequestAuthentication", "AuthorizationPolicy", "PeerAuthentication"))
        modern.awaitGone(SECURITY, kind, ns, "orders");
      assertThat(modern.object(VS, "VirtualService", ns, "orders")).isNotNull();
      operatorRequests.addAll(modern.operatorRequests.all());
    }

    env.put("ROUTES", "gateway-api");
    try (OperatorHarness gatewayApi = new OperatorHarness(env)) {
      // The routes switch: HTTPRoutes created (after the auth objects), the VirtualServices
      // deleted.
      gatewayApi.awaitObject(GatewayApiRoutesIT.HTTP_ROUTE, "HTTPRoute", ns, "orders", o -> true);
      gatewayApi.awaitGone(VS, "VirtualService", ns, "orders");
      // Onto a taken host (code 4): the HTTPRoute deleted.
      OperatorHarness.editSpec(admin, ns, "orders", s -> s.withHostname(takenHost));
      gatewayApi.awaitStatus(ns, "orders", OperatorHarness.virtualServiceCode(4));
      gatewayApi.awaitGone(GatewayApiRoutesIT.HTTP_ROUTE, "HTTPRoute", ns, "orders");
      operatorRequests.addAll(gatewayApi.operatorRequests.all());
    }

    Set<String> used = RbacGrants.neededFor(operatorRequests);
    if (operatorRequests.stream().anyMatch(r -> r.contains("/selfsubjectrulesreviews"))) {
      used.addAll(CHECKED_BY_LEADER_ELECTION);
    }
    Set<String> unused = new TreeSet<>(new RbacGrants().all());
    unused.removeAll(used);
    assertThat(unused)
        .as(
            "rules deploy/ grants that the operator never needed (remove them from deploy/ and"
                + " docs/operator.md, or add the scenario that needs them); used: %s",
            used)
        .isEmpty();
  }

  /**
   * Runs leader election as a user bound to deploy/'s ClusterRole and to deploy/'s lease rules
   * minus {@code verb}: java-operator-sdk refuses to start.
   */
  @ParameterizedTest
  @ValueSource(strings = {"get", "create", "update"})
  void withoutOneOfTheCheckedLeaseVerbsLeaderElectionRefusesToStart(String verb) {
    assertThat(CHECKED_BY_LEADER_ELECTION).contains("coordination.k8s.io/leases:" + verb);
    String ns = "lease-without-" + verb + "-" + System.nanoTime() % 100000;
    String user = "lease-check-" + ns;
    admin
        .resource(new NamespaceBuilder().withNewMetadata().withName(ns).endMetadata().build())
        .create();
    Role deployed =
        admin
            .getKubernetesSerialization()
            .convertValue(
                DeployManifests.one("Role", "api-controller-leader-election"), Role.class);
    List<PolicyRule> rules = new ArrayList<>();
    for (PolicyRule rule : deployed.getRules()) {
      PolicyRule copy = admin.getKubernetesSerialization().clone(rule);
      copy.setVerbs(rule.getVerbs().stream().filter(v -> !v.equals(verb)).toList());
      rules.add(copy);
    }
    admin
        .resource(
            new RoleBuilder()
                .withNewMetadata()
                .withName("leases")
                .withNamespace(ns)
                .endMetadata()
                .withRules(rules)
                .build())
        .create();
    admin
        .resource(
            new RoleBindingBuilder()
                .withNewMetadata()
                .withName("leases")
                .withNamespace(ns)
                .endMetadata()
                .withNewRoleRef("rbac.authorization.k8s.io", "Role", "leases")
                .addNewSubject()
                .withKind("User")
                .withName(user)
                .endSubject()
                .build())
        .create();
    admin
        .resource(
            new ClusterRoleBindingBuilder()
                .withNewMetadata()
                .withName(user)
                .endMetadata()
                .withNewRoleRef("rbac.authorization.k8s.io", "ClusterRole", "api-controller")
                .addNewSubject()
                .withKind("User")
                .withName(user)
                .endSubject()
                .build())
        .create();
    Map<String, String> env = OperatorHarness.baseEnv();
    env.put("LEADER_ELECTION", "true");
    env.put("POD_NAMESPACE", ns);
    env.put("WATCH_NAMESPACES", ns);

    try (KubernetesClient client =
            new KubernetesClientBuilder()
                .withConfig(
                    new ConfigBuilder(TestApiServer.config())
                        .withImpersonateUsername(user)
                        .withImpersonateGroups("system:authenticated")
                        .build())
                .build();
        ApiControllerOperator operator =
            new ApiControllerOperator(
                client, OperatorSettings.fromEnvironment(env), new SimpleMeterRegistry())) {
      assertThatThrownBy(operator::start)
          .hasStackTraceContaining(LeaderElectionManager.NO_PERMISSION_TO_LEASE_RESOURCE_MESSAGE);
    } finally {
      admin.rbac().clusterRoleBindings().withName(user).delete();
    }
  }

  /**
   * Why create is granted on the generated kinds although the operator only patches them: a
   * server-side apply of an object that does not exist yet creates it, and the API server then
   * checks create too. Proven here with a user that may patch Policies but not create them.
   */
  @Test
  void aServerSideApplyThatCreatesNeedsCreateAsWellAsPatch() {
    String ns = "apply-create-" + System.nanoTime() % 100000;
    String user = "apply-check-" + ns;
    admin
        .resource(new NamespaceBuilder().withNewMetadata().withName(ns).endMetadata().build())
        .create();
    admin
        .resource(
            new RoleBuilder()
                .withNewMetadata()
                .withName("patch-only")
                .withNamespace(ns)
                .endMetadata()
                .addNewRule()
                .withApiGroups("authentication.istio.io")
                .withResources("policies")
                .withVerbs("patch")
                .endRule()
                .build())
        .create();
    admin
        .resource(
            new RoleBindingBuilder()
                .withNewMetadata()
                .withName("patch-only")
                .withNamespace(ns)
                .endMetadata()
                .withNewRoleRef("rbac.authorization.k8s.io", "Role", "patch-only")
                .addNewSubject()
                .withKind("User")
                .withName(user)
                .endSubject()
                .build())
        .create();
    GenericKubernetesResource policy =
        new io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder()
            .withApiVersion(POLICY)
            .withKind("Policy")
            .withNewMetadata()
            .withName("orders")
            .withNamespace(ns)
            .endMetadata()
            .withAdditionalProperties(
                Map.of("spec", Map.of("targets", List.of(Map.of("name", "orders")))))
            .build();

    try (KubernetesClient patchOnly =
        new KubernetesClientBuilder()
            .withConfig(
                new ConfigBuilder(TestApiServer.config())
                    .withImpersonateUsername(user)
                    .withImpersonateGroups("system:authenticated")
                    .build())
            .build()) {
      assertThatThrownBy(
              () ->
                  patchOnly
                      .resource(policy)
                      .fieldManager(ApiReconciler.NAME)
                      .forceConflicts()
                      .serverSideApply())
          .isInstanceOfSatisfying(
              io.fabric8.kubernetes.client.KubernetesClientException.class,
              e -> assertThat(e.getCode()).isEqualTo(403));
      admin.resource(policy).create();
      policy.setAdditionalProperty("spec", Map.of("targets", List.of(Map.of("name", "other"))));
      assertThat(
              patchOnly
                  .resource(policy)
                  .fieldManager(ApiReconciler.NAME)
                  .forceConflicts()
                  .serverSideApply())
          .as("the same user may apply to an object that exists")
          .isNotNull();
    }
  }

  private static Predicate<ApiStatus> ready() {
    return s ->
        !s.conditions().isEmpty()
            && s.virtualServiceStatus() != null
            && s.virtualServiceStatus().code() == 2;
  }

  @SuppressWarnings("unchecked")
  private static Predicate<GenericKubernetesResource> selects(String app) {
    return o -> {
      Map<String, Object> selector = (Map<String, Object>) OperatorHarness.spec(o).get("selector");
      return selector != null && Map.of("app", app).equals(selector.get("matchLabels"));
    };
  }

  /** The elector renews the Lease it holds every few seconds (a patch). */
  private void awaitLeaseRenewed() {
    await()
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(200))
        .until(
            () -> {
              Lease lease = lease();
              return lease != null
                  && lease.getSpec().getRenewTime() != null
                  && lease.getSpec().getAcquireTime() != null
                  && lease.getSpec().getRenewTime().isAfter(lease.getSpec().getAcquireTime());
            });
  }

  private Lease lease() {
    return admin
        .leases()
        .inNamespace(OperatorServiceAccount.namespace())
        .withName(ApiControllerOperator.LEASE_NAME)
        .get();
  }

  private void deleteLease() {
    admin
        .leases()
        .inNamespace(OperatorServiceAccount.namespace())
        .withName(ApiControllerOperator.LEASE_NAME)
        .delete();
  }
}
