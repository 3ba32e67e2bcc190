package dev.apicontroller.operator;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Watches VirtualServices, legacy {@code Policy} objects and {@code Api}s directly on the API
 * server (not through the fault proxy), records every event, and replays them to check the
 * fail-closed rule of SPEC 6: no moment at which a VirtualService the operator made exists without
 * its {@code Policy} (same name, same owning {@code Api}). Meant for tests whose {@code Api}s are
 * all secured under the legacy profile.
 *
 * <p>The replay orders events by numeric resourceVersion. On one API server resourceVersions are
 * etcd revisions: global across all resources and strictly increasing with every write, so that
 * order is the order in which the writes happened, across kinds, whatever order the separate
 * watches delivered them in. A DELETED event carries the revision of the deletion.
 */
final class FailClosedObserver implements AutoCloseable {
  private static final String VS = "VirtualService";
  private static final String POLICY = "Policy";
  private static final String API = "Api";

  private record Event(
      long revision, long seenNanos, String kind, boolean deleted, GenericKubernetesResource obj) {
    String key() {
      return obj.getMetadata().getNamespace() + "/" + obj.getMetadata().getName();
    }
  }

  /** The outcome of a replay. */
  record Verdict(
      int events,
      int vsStatesChecked,
      List<String> withoutAuth,
      int withoutAuthAfterApiDeleted,
      List<String> routeToUntargetedService,
      int routeToUntargetedServiceAfterApiDeleted,
      Map<String, Long> longestWindowMs) {
    String summary() {
      return "events=%d vsStatesChecked=%d vsWithoutAuth=%d vsWithoutAuthAfterApiDeleted=%d"
              .formatted(events, vsStatesChecked, withoutAuth.size(), withoutAuthAfterApiDeleted)
          + " vsRoutingToServiceItsPolicyDoesNotTarget=%d (afterApiDeleted=%d)"
              .formatted(routeToUntargetedService.size(), routeToUntargetedServiceAfterApiDeleted)
          + " longestUnsecuredWindowMs="
          + longestWindowMs;
    }
  }

  private final Set<String> namespaces;
  private final ConcurrentLinkedQueue<Event> events = new ConcurrentLinkedQueue<>();
  private final List<SharedIndexInformer<GenericKubernetesResource>> informers = new ArrayList<>();

  FailClosedObserver(KubernetesClient client, Set<String> namespaces) {
    this.namespaces = Set.copyOf(namespaces);
    informers.add(watch(client, ApiLifecycleIT.VS_LEGACY, VS));
    informers.add(watch(client, ApiLifecycleIT.POLICY, POLICY));
    informers.add(watch(client, "gateway.kyma-project.io/v1alpha2", API));
  }

  private SharedIndexInformer<GenericKubernetesResource> watch(
      KubernetesClient client, String apiVersion, String kind) {
    return client
        .genericKubernetesResources(apiVersion, kind)
        .inAnyNamespace()
        .inform(
            new ResourceEventHandler<>() {
              @Override
              public void onAdd(GenericKubernetesResource obj) {
                record(kind, false, obj);
              }

              @Override
              public void onUpdate(GenericKubernetesResource old, GenericKubernetesResource obj) {
                record(kind, false, obj);
              }

              @Override
              public void onDelete(GenericKubernetesResource obj, boolean finalStateUnknown) {
                record(kind, true, obj);
              }
            });
  }

  private void record(String kind, boolean deleted, GenericKubernetesResource obj) {
    if (!namespaces.contains(obj.getMetadata().getNamespace())) return;
    events.add(
        new Event(
            Long.parseLong(obj.getMetadata().getResourceVersion()),
            System.nanoTime(),
            kind,
            deleted,
            obj));
  }

  /** Replays every event recorded so far in revision order and checks each VirtualService state. */
  Verdict verdict() {
    List<Event> timeline = new ArrayList<>(events);
    timeline.sort(Comparator.comparingLong(Event::revision));
    Map<String, GenericKubernetesResource> virtualServices = new HashMap<>();
    Map<String, GenericKubernetesResource> policies = new HashMap<>();
    Map<String, Long> apiDeletedAt = new HashMap<>();
    int checked = 0;
    int withoutAuthAfterDelete = 0;
    int untargetedAfterDelete = 0;
    List<String> withoutAuth = new ArrayList<>();
    List<String> untargeted = new ArrayList<>();
    Map<String, Long> openSince = new HashMap<>();
    Map<String, String> openKind = new HashMap<>();
    Map<String, Long> longest = new TreeMap<>();
    for (Event e : timeline) {
      switch (e.kind()) {
        case API -> {
          if (e.deleted()) apiDeletedAt.put(e.obj().getMetadata().getUid(), e.revision());
          continue;
        }
        case VS -> apply(virtualServices, e);
        default -> apply(policies, e);
      }
      GenericKubernetesResource vs = virtualServices.get(e.key());
      String owner = vs == null ? null : controllerUid(vs);
      GenericKubernetesResource policy = policies.get(e.key());
      String problem = null;
      if (owner != null) {
        checked++;
        boolean ownerGone = apiDeletedAt.containsKey(owner);
        if (policy == null || !owner.equals(controllerUid(policy))) {
          problem = ownerGone ? "noPolicyAfterApiDeleted" : "noPolicy";
          if (ownerGone) {
            withoutAuthAfterDelete++;
          } else {
            withoutAuth.add(
                "rv " + e.revision() + ": VirtualService " + e.key() + " has no Policy");
          }
        } else if (!targets(policy).contains(destinationService(vs))) {
          problem = ownerGone ? "untargetedAfterApiDeleted" : "untargeted";
          if (ownerGone) {
            untargetedAfterDelete++;
          } else {
            untargeted.add(
                "rv %d: VirtualService %s routes to %s, its Policy targets %s"
                    .formatted(e.revision(), e.key(), destinationService(vs), targets(policy)));
          }
        }
      }
      // How long each unsecured state lasted, by when the watches delivered its start and end.
      Long since = openSince.get(e.key());
      if (problem != null && since == null) {
        openSince.put(e.key(), e.seenNanos());
        openKind.put(e.key(), problem);
      } else if (problem == null && since != null) {
        openSince.remove(e.key());
        long ms = Math.max(0, (e.seenNanos() - since) / 1_000_000);
        longest.merge(openKind.remove(e.key()), ms, Math::max);
      }
    }
    return new Verdict(
        timeline.size(),
        checked,
        withoutAuth,
        withoutAuthAfterDelete,
        untargeted,
        untargetedAfterDelete,
        longest);
  }

  private static void apply(Map<String, GenericKubernetesResource> state, Event e) {
    GenericKubernetesResource current = state.get(e.key());
    if (current != null
        && Long.parseLong(current.getMetadata().getResourceVersion()) > e.revision()) {
      return; // an informer relist replaying an older state
    }
    if (e.deleted()) {
      state.remove(e.key());
    } else {
      state.put(e.key(), e.obj());
    }
  }

  static String controllerUid(GenericKubernetesResource obj) {
    List<OwnerReference> refs = obj.getMetadata().getOwnerReferences();
    if (refs == null) return null;
    return refs.stream()
        .filter(r -> Boolean.TRUE.equals(r.getController()))
        .map(OwnerReference::getUid)
        .findFirst()
        .orElse(null);
  }

  /** The first label of the route destination host: the target Service's name. */
  @SuppressWarnings("unchecked")
  static String destinationService(GenericKubernetesResource vs) {
    try {
      Map<String, Object> spec = OperatorHarness.spec(vs);
      Map<String, Object> http = ((List<Map<String, Object>>) spec.get("http")).get(0);
      Map<String, Object> route = ((List<Map<String, Object>>) http.get("route")).get(0);
      Map<String, Object> destination = (Map<String, Object>) route.get("destination");
      return ((String) destination.get("host")).split("\\.", 2)[0];
    } catch (RuntimeException e) {
      return "";
    }
  }

  @SuppressWarnings("unchecked")
  static List<String> targets(GenericKubernetesResource policy) {
    Object targets = OperatorHarness.spec(policy).get("targets");
    if (!(targets instanceof List<?> list)) return List.of();
    return list.stream().map(t -> (String) ((Map<String, Object>) t).get("name")).toList();
  }

  @Override
  public void close() {
    informers.forEach(SharedIndexInformer::close);
  }
}
