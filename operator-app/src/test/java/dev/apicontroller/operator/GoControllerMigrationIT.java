package dev.apicontroller.operator;

import static dev.apicontroller.operator.OriginalControllerSeed.POLICY;
import static dev.apicontroller.operator.OriginalControllerSeed.VS_LEGACY;
import static org.assertj.core.api.Assertions.assertThat;

import dev.apicontroller.k8s.ApiResource;
import dev.apicontroller.model.ApiStatus;
import dev.apicontroller.operator.OriginalControllerSeed.Seeded;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.Watch;
import io.fabric8.kubernetes.client.Watcher;
import io.fabric8.kubernetes.client.WatcherException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 7: the operator replaces the original Go controller in a namespace it left behind, adopting
 * every object in place (no deletion, no duplicate, no moment without the VirtualService) and
 * replacing the original's status with its own.
 */
class GoControllerMigrationIT {
  private KubernetesClient user;
  private OperatorHarness harness;

  @BeforeEach
  void connect() {
    user = new KubernetesClientBuilder().withConfig(TestApiServer.config()).build();
  }

  @AfterEach
  void close() {
    if (harness != null) harness.close();
    user.close();
  }

  private String namespace(String name) {
    user.resource(new NamespaceBuilder().withNewMetadata().withName(name).endMetadata().build())
        .create();
    return name;
  }

  private static Map<String, String> env() {
    Map<String, String> env = OperatorHarness.baseEnv();
    env.put("DOMAIN_NAME", OriginalControllerSeed.DOMAIN);
    return env;
  }

  /** Every watch event on a kind in a namespace: type, name and uid. */
  private static final class EventLog implements Watcher<GenericKubernetesResource> {
    final List<String> events = Collections.synchronizedList(new ArrayList<>());

    @Override
    public void eventReceived(Action action, GenericKubernetesResource resource) {
      events.add(
          action + " " + resource.getMetadata().getName() + " " + resource.getMetadata().getUid());
    }

    @Override
    public void onClose(WatcherException cause) {
      events.add("CLOSED " + cause.getMessage());
    }

    List<String> ofType(String type) {
      synchronized (events) {
        return events.stream().filter(e -> e.startsWith(type + " ")).toList();
      }
    }
  }

  private Watch watch(String apiVersion, String kind, String ns, EventLog log) {
    return user.genericKubernetesResources(apiVersion, kind).inNamespace(ns).watch(log);
  }

  private List<GenericKubernetesResource> list(String apiVersion, String kind, String ns) {
    return user.genericKubernetesResources(apiVersion, kind).inNamespace(ns).list().getItems();
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> originJwt(GenericKubernetesResource policy) {
    Map<String, Object> spec = (Map<String, Object>) policy.getAdditionalProperties().get("spec");
    List<Map<String, Object>> origins = (List<Map<String, Object>>) spec.get("origins");
    assertThat(origins).hasSize(1);
    return (Map<String, Object>) origins.get(0).get("jwt");
  }

  private static OwnerReference controller(GenericKubernetesResource object) {
    List<OwnerReference> refs = object.getMetadata().getOwnerReferences();
    if (refs == null) return null;
    return refs.stream()
        .filter(r -> Boolean.TRUE.equals(r.getController()))
        .findFirst()
        .orElse(null);
  }

  @Test
  void everyApiTheOriginalLeftIsAdoptedInPlaceAndItsHostsStayServed() throws Exception {
    String ns = namespace("go-migration");
    OriginalControllerSeed seed = new OriginalControllerSeed(user, ns);
    List<Seeded> seeded =
        List.of(
            seed.api("orders", true),
            seed.api("catalog", false),
            seed.api("users", true),
            seed.api("search", false));
    Set<String> names = seeded.stream().map(Seeded::name).collect(Collectors.toSet());
    Set<String> securedNames =
        seeded.stream().filter(Seeded::secured).map(Seeded::name).collect(Collectors.toSet());
    // The original's status really is in the store, without conditions.
    assertThat(user.resources(ApiResource.class).inNamespace(ns).withName("catalog").get())
        .satisfies(a -> assertThat(a.getStatus().conditions()).isEmpty())
        .satisfies(a -> assertThat(a.getStatus().authenticationStatus().code()).isZero());

    EventLog vsEvents = new EventLog();
    EventLog policyEvents = new EventLog();
    AtomicInteger observations = new AtomicInteger();
    Set<String> momentsWithoutAVirtualService = Collections.synchronizedSet(new HashSet<>());
    ScheduledExecutorService observer = Executors.newSingleThreadScheduledExecutor();
    try (Watch vsWatch = watch(VS_LEGACY, "VirtualService", ns, vsEvents);
        Watch policyWatch = watch(POLICY, "Policy", ns, policyEvents)) {
      observer.scheduleWithFixedDelay(
          () -> {
            Set<String> present =
                list(VS_LEGACY, "VirtualService", ns).stream()
                    .map(o -> o.getMetadata().getName())
                    .collect(Collectors.toSet());
            for (String name : names) {
              if (!present.contains(name)) {
                momentsWithoutAVirtualService.add(name + " at " + observations.get());
              }
            }
            observations.incrementAndGet();
          },
          0,
          50,
          TimeUnit.MILLISECONDS);

      harness = new OperatorHarness(env());

      for (Seeded api : seeded) {
        ApiStatus status =
            harness.awaitStatus(
                ns,
                api.name(),
                s ->
                    !s.conditions().isEmpty()
                        && s.virtualServiceStatus() != null
                        && s.virtualServiceStatus().code() == 2);
        assertThat(status.validationStatus()).as(api.name()).isEqualTo(2);
        assertThat(status.observedGeneration()).as(api.name()).isNotNull();
        if (api.secured()) {
          assertThat(status.authenticationStatus().code()).as(api.name()).isEqualTo(2);
          assertThat(status.authenticationStatus().resource().uid()).isEqualTo(api.policyUid());
        } else {
          // Replaced whole: the original's empty authenticationStatus is gone.
          assertThat(status.authenticationStatus()).as(api.name()).isNull();
        }
        assertThat(status.virtualServiceStatus().resource().uid()).isEqualTo(api.vsUid());

        GenericKubernetesResource vs =
            harness.awaitObject(
                VS_LEGACY, "VirtualService", ns, api.name(), o -> controller(o) != null);
        assertThat(vs.getMetadata().getUid()).as(api.name()).isEqualTo(api.vsUid());
        assertThat(controller(vs).getUid()).isEqualTo(api.apiUid());
        assertThat(vs.getMetadata().getLabels())
            .containsEntry("apiUid", api.apiUid())
            .containsEntry("app.kubernetes.io/managed-by", "api-controller")
            .doesNotContainKey("apiVersion");
        if (api.secured()) {
          GenericKubernetesResource policy =
              harness.awaitObject(POLICY, "Policy", ns, api.name(), o -> controller(o) != null);
          assertThat(policy.getMetadata().getUid()).as(api.name()).isEqualTo(api.policyUid());
          assertThat(controller(policy).getUid()).isEqualTo(api.apiUid());
          // The forced apply replaces the origins list whole (a free-form schema makes lists
          // atomic): the original's trigger_rules is rewritten once, never kept beside ours.
          assertThat(originJwt(policy))
              .as(api.name())
              .doesNotContainKey("trigger_rules")
              .containsEntry(
                  "triggerRules",
                  List.of(Map.of("excludedPaths", List.of(Map.of("exact", "/healthz")))));
        }
      }
      // A last look after the operator settled.
      Thread.sleep(500);
    } finally {
      observer.shutdownNow();
      observer.awaitTermination(5, TimeUnit.SECONDS);
    }

    assertThat(list(VS_LEGACY, "VirtualService", ns))
        .extracting(o -> o.getMetadata().getName())
        .containsExactlyInAnyOrderElementsOf(names);
    assertThat(list(POLICY, "Policy", ns))
        .extracting(o -> o.getMetadata().getName())
        .containsExactlyInAnyOrderElementsOf(securedNames);
    assertThat(observations.get()).isGreaterThan(10);
    assertThat(momentsWithoutAVirtualService).isEmpty();
    // The watch starts with ADDED for what exists; every event is about a seeded object.
    Set<String> seededUids = new HashSet<>();
    for (Seeded api : seeded) {
      seededUids.add(api.vsUid());
      if (api.policyUid() != null) seededUids.add(api.policyUid());
    }
    assertThat(vsEvents.events).allSatisfy(e -> assertThat(e).endsWith(uidOf(e, seededUids)));
    assertThat(policyEvents.events).allSatisfy(e -> assertThat(e).endsWith(uidOf(e, seededUids)));
    assertThat(vsEvents.ofType("DELETED")).isEmpty();
    assertThat(vsEvents.ofType("ADDED")).hasSize(names.size());
    assertThat(vsEvents.ofType("MODIFIED")).isNotEmpty();
    assertThat(policyEvents.ofType("DELETED")).isEmpty();
    assertThat(policyEvents.ofType("ADDED")).hasSize(securedNames.size());
    assertThat(vsEvents.ofType("CLOSED")).isEmpty();
    // Replacing the original's status takes a request the routine path never makes (a PUT on the
    // status subresource); the operator, acting as deploy/'s ServiceAccount, was allowed it.
    assertThat(harness.operatorRequests.writes())
        .anyMatch(w -> w.startsWith("PUT ") && w.endsWith("/status"));
    harness.assertNothingForbidden();
  }

  /** The seeded uid an event names, or a marker that fails the assertion. */
  private static String uidOf(String event, Set<String> seededUids) {
    String uid = event.substring(event.lastIndexOf(' ') + 1);
    return seededUids.contains(uid) ? uid : "<a seeded uid, not " + uid + ">";
  }

  @Test
  void anObjectTheOriginalLeftForAnotherApiUidStaysForeign() {
    String ns = namespace("go-migration-foreign");
    OriginalControllerSeed seed = new OriginalControllerSeed(user, ns);
    // Left for an Api of the same name that was deleted and recreated (another uid) with another
    // host; with the same host the Api would get code 4 (host held) instead.
    GenericKubernetesResource leftover =
        seed.virtualService("orders", seed.labels("orders", "uid-of-a-deleted-api", "1"));
    Map<String, Object> spec = new java.util.HashMap<>(OperatorHarness.spec(leftover));
    spec.put("hosts", List.of("old-orders.kyma.local"));
    leftover.setAdditionalProperty("spec", spec);
    GenericKubernetesResource stale = user.resource(leftover).create();
    harness = new OperatorHarness(env());

    user.resource(
            user.getKubernetesSerialization()
                .unmarshal(OriginalControllerSeed.apiYaml(ns, "orders", false), ApiResource.class))
        .create();

    ApiStatus status = harness.awaitStatus(ns, "orders", OperatorHarness.virtualServiceCode(3));
    assertThat(status.virtualServiceStatus().lastError()).contains(ns + "/orders");
    GenericKubernetesResource after = harness.object(VS_LEGACY, "VirtualService", ns, "orders");
    assertThat(after.getMetadata().getResourceVersion())
        .isEqualTo(stale.getMetadata().getResourceVersion());
    assertThat(after.getMetadata().getOwnerReferences()).isNullOrEmpty();
  }
}
