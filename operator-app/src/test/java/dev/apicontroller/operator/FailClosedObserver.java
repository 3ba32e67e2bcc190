package dev.apicontroller.operator;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Watches routes, the authentication objects of every {@link RouteSecurity target}, Services and
 * {@code Api}s directly on the API server (not through the fault proxy), records every event, and
 * replays them to check the fail-closed rule of SPEC 6: no moment at which a route the operator
 * made exists without every authentication object its target requires (same name, controlled by the
 * same {@code Api}, covering the Service the route leads to). A route is held to the target it was
 * written for (see {@link RouteSecurity}; a v1 VirtualService, which the sidecar and the ambient
 * targets write alike, is secured by the objects of either, each attached its target's way); a
 * route no target claims counts as unsecured.
 *
 * <p>The replay orders events by numeric resourceVersion. On one API server resourceVersions are
 * etcd revisions: global across all resources and strictly increasing with every write, so that
 * order is the order in which the writes happened, across kinds, whatever order the separate
 * watches delivered them in. A DELETED event carries the revision of the deletion.
 *
 * <p>{@link #phase} labels the events that follow (a target switch, say), so that the verdict gives
 * the figures per phase as well as per target.
 */
final class FailClosedObserver implements AutoCloseable {
  private static final String API = "gateway.kyma-project.io/Api";
  private static final String SERVICE = "/Service";
  private static final String NO_TARGET = "none";

  private record Event(
      long revision,
      long seenNanos,
      String phase,
      String kind,
      boolean deleted,
      GenericKubernetesResource obj) {
    String key() {
      return obj.getMetadata().getNamespace() + "/" + obj.getMetadata().getName();
    }
  }

  /**
   * Route states checked, those unsecured, and the longest unsecured window, of a target or phase.
   */
  record Figures(int states, int unsecured, long longestWindowMs) {
    Figures plus(Figures other) {
      return new Figures(
          states + other.states,
          unsecured + other.unsecured,
          Math.max(longestWindowMs, other.longestWindowMs));
    }

    @Override
    public String toString() {
      return "states=%d unsecured=%d longestWindowMs=%d"
          .formatted(states, unsecured, longestWindowMs);
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
      Map<String, Long> longestWindowMs,
      Map<String, Figures> byTarget,
      Map<String, Figures> byPhase) {
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
  private final List<RouteSecurity> targets;
  private final Set<String> routeKinds = new LinkedHashSet<>();
  private final ConcurrentLinkedQueue<Event> events = new ConcurrentLinkedQueue<>();
  private final List<SharedIndexInformer<GenericKubernetesResource>> informers = new ArrayList<>();
  private volatile String phase = "";

  /** An observer of the legacy target's routes (VirtualService + Policy). */
  FailClosedObserver(KubernetesClient client, Set<String> namespaces) {
    this(client, namespaces, List.of(RouteSecurity.legacy()));
  }

  FailClosedObserver(KubernetesClient client, Set<String> namespaces, List<RouteSecurity> targets) {
    this.namespaces = Set.copyOf(namespaces);
    this.targets = List.copyOf(targets);
    Set<String> kinds = new LinkedHashSet<>();
    for (RouteSecurity t : targets) {
      routeKinds.add(t.routeKind());
      kinds.add(t.routeKind());
      kinds.addAll(t.authKinds());
    }
    for (String kind : kinds) {
      informers.add(watch(client, RouteSecurity.WATCHED_AT.get(kind), kind));
    }
    informers.add(watch(client, "v1", SERVICE));
    informers.add(watch(client, "gateway.kyma-project.io/v1alpha2", API));
  }

  /** Labels every event recorded from now on with {@code name}. */
  void phase(String name) {
    phase = name;
  }

  private SharedIndexInformer<GenericKubernetesResource> watch(
      KubernetesClient client, String apiVersion, String kind) {
    return client
        .genericKubernetesResources(
            Objects.requireNonNull(apiVersion, () -> "no watch version for " + kind),
            kind.substring(kind.indexOf('/') + 1))
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
            phase,
            kind,
            deleted,
            obj));
  }

  /** Replays every event recorded so far in revision order and checks each route state. */
  Verdict verdict() {
    List<Event> timeline = new ArrayList<>(events);
    timeline.sort(Comparator.comparingLong(Event::revision));
    Map<String, Map<String, GenericKubernetesResource>> state = new HashMap<>();
    Set<String> apiDeleted = new java.util.HashSet<>();
    int checked = 0;
    int withoutAuthAfterDelete = 0;
    int untargetedAfterDelete = 0;
    List<String> withoutAuth = new ArrayList<>();
    List<String> untargeted = new ArrayList<>();
    Map<String, Long> openSince = new HashMap<>();
    Map<String, String> openKind = new HashMap<>();
    Map<String, String> openTarget = new HashMap<>();
    Map<String, String> openPhase = new HashMap<>();
    Map<String, Long> longest = new TreeMap<>();
    Map<String, Figures> byTarget = new LinkedHashMap<>();
    Map<String, Figures> byPhase = new LinkedHashMap<>();
    for (Event e : timeline) {
      if (e.kind().equals(API)) {
        if (e.deleted()) apiDeleted.add(e.obj().getMetadata().getUid());
        continue;
      }
      apply(state.computeIfAbsent(e.kind(), k -> new HashMap<>()), e);
      if (e.kind().equals(SERVICE)) continue; // a selector change shows at the next route event
      String problem = null;
      String target = NO_TARGET;
      for (String routeKind : routeKinds) {
        GenericKubernetesResource route = state.getOrDefault(routeKind, Map.of()).get(e.key());
        String owner = route == null ? null : controllerUid(route);
        if (owner == null) continue;
        checked++;
        List<RouteSecurity> claimants = targetsOf(route);
        String routeTarget =
            claimants.isEmpty()
                ? NO_TARGET
                : String.join("|", claimants.stream().map(RouteSecurity::target).toList());
        String routeProblem = null;
        boolean ownerGone = apiDeleted.contains(owner);
        String service = destinationService(route);
        List<String> missing = new ArrayList<>();
        List<String> notCovering = new ArrayList<>();
        if (claimants.isEmpty()) {
          missing.add("a target that wrote it (" + RouteSecurity.lastAppliedAt(route) + ")");
        }
        // Secured when one claimant's objects all exist and cover the Service its way; otherwise
        // the shortfall of each claimant is reported.
        for (RouteSecurity security : claimants) {
          List<String> lacking = new ArrayList<>();
          List<String> uncovering = new ArrayList<>();
          for (String authKind : security.authKinds()) {
            GenericKubernetesResource auth = state.getOrDefault(authKind, Map.of()).get(e.key());
            if (auth == null || !owner.equals(controllerUid(auth))) {
              lacking.add(authKind);
            } else if (!covers(
                auth,
                security.attachment(),
                e.obj().getMetadata().getNamespace(),
                service,
                state)) {
              uncovering.add(authKind);
            }
          }
          if (lacking.isEmpty() && uncovering.isEmpty()) {
            routeTarget = security.target();
            missing.clear();
            notCovering.clear();
            break;
          }
          String of = claimants.size() > 1 ? " (" + security.target() + ")" : "";
          lacking.forEach(k -> missing.add(k + of));
          uncovering.forEach(k -> notCovering.add(k + of));
        }
        if (!missing.isEmpty()) {
          routeProblem = ownerGone ? "noAuthAfterApiDeleted" : "noAuth";
          if (ownerGone) {
            withoutAuthAfterDelete++;
          } else {
            withoutAuth.add(
                "rv %d (%s): %s %s written for %s lacks %s"
                    .formatted(e.revision(), e.phase(), routeKind, e.key(), routeTarget, missing));
          }
        } else if (!notCovering.isEmpty()) {
          routeProblem = ownerGone ? "untargetedAfterApiDeleted" : "untargeted";
          if (ownerGone) {
            untargetedAfterDelete++;
          } else {
            untargeted.add(
                "rv %d (%s): %s %s routes to %s, which its %s do not cover"
                    .formatted(e.revision(), e.phase(), routeKind, e.key(), service, notCovering));
          }
        }
        Figures figures = new Figures(1, routeProblem == null ? 0 : 1, 0);
        byTarget.merge(routeTarget, figures, Figures::plus);
        byPhase.merge(e.phase(), figures, Figures::plus);
        if (problem == null && routeProblem != null) {
          problem = routeProblem;
          target = routeTarget;
        }
      }
      // How long each unsecured state lasted, by when the watches delivered its start and end.
      Long since = openSince.get(e.key());
      if (problem != null && since == null) {
        openSince.put(e.key(), e.seenNanos());
        openKind.put(e.key(), problem);
        openTarget.put(e.key(), target);
        openPhase.put(e.key(), e.phase());
      } else if (problem == null && since != null) {
        openSince.remove(e.key());
        long ms = Math.max(0, (e.seenNanos() - since) / 1_000_000);
        longest.merge(openKind.remove(e.key()), ms, Math::max);
        byTarget.merge(openTarget.remove(e.key()), new Figures(0, 0, ms), Figures::plus);
        byPhase.merge(openPhase.remove(e.key()), new Figures(0, 0, ms), Figures::plus);
      }
    }
    // A window still open is as long as it has lasted so far.
    long now = System.nanoTime();
    openSince.forEach(
        (key, since) -> {
          long ms = Math.max(0, (now - since) / 1_000_000);
          longest.merge(openKind.get(key), ms, Math::max);
          byTarget.merge(openTarget.get(key), new Figures(0, 0, ms), Figures::plus);
          byPhase.merge(openPhase.get(key), new Figures(0, 0, ms), Figures::plus);
        });
    return new Verdict(
        timeline.size(),
        checked,
        withoutAuth,
        withoutAuthAfterDelete,
        untargeted,
        untargetedAfterDelete,
        longest,
        byTarget,
        byPhase);
  }

  /** The targets that write {@code route} as it was last written (two for a v1 VirtualService). */
  private List<RouteSecurity> targetsOf(GenericKubernetesResource route) {
    return targets.stream().filter(t -> t.wrote(route)).toList();
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

  /**
   * Whether an authentication object applies to {@code service} the way its target attaches it: a
   * Policy by its targets' names; the security.istio.io kinds by {@code targetRefs} naming the
   * Service (ambient) or by a workload selector equal to the Service's (sidecars).
   */
  @SuppressWarnings("unchecked")
  private static boolean covers(
      GenericKubernetesResource auth,
      RouteSecurity.Attachment attachment,
      String namespace,
      String service,
      Map<String, Map<String, GenericKubernetesResource>> state) {
    if (attachment == RouteSecurity.Attachment.POLICY_TARGETS) {
      return RouteSecurity.kindOf(auth).equals(RouteSecurity.POLICY)
          && targets(auth).contains(service);
    }
    Map<String, Object> spec = OperatorHarness.spec(auth);
    if (spec == null) return false;
    if (attachment == RouteSecurity.Attachment.SERVICE_TARGET_REFS) {
      return spec.get("targetRefs") instanceof List<?> refs
          && refs.stream()
              .map(r -> (Map<String, Object>) r)
              .anyMatch(r -> "Service".equals(r.get("kind")) && service.equals(r.get("name")));
    }
    GenericKubernetesResource svc =
        state.getOrDefault(SERVICE, Map.of()).get(namespace + "/" + service);
    if (svc == null || !(spec.get("selector") instanceof Map<?, ?> selector)) return false;
    Object workloads =
        ((Map<String, Object>) svc.getAdditionalProperties().get("spec")).get("selector");
    return workloads != null && workloads.equals(selector.get("matchLabels"));
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

  /**
   * The Service a route leads to: the first label of a VirtualService's destination host, or an
   * HTTPRoute's first backendRef.
   */
  @SuppressWarnings("unchecked")
  static String destinationService(GenericKubernetesResource route) {
    try {
      Map<String, Object> spec = OperatorHarness.spec(route);
      if (RouteSecurity.kindOf(route).equals(RouteSecurity.HTTP_ROUTE)) {
        Map<String, Object> rule = ((List<Map<String, Object>>) spec.get("rules")).get(0);
        return (String) ((List<Map<String, Object>>) rule.get("backendRefs")).get(0).get("name");
      }
      Map<String, Object> http = ((List<Map<String, Object>>) spec.get("http")).get(0);
      Map<String, Object> to = ((List<Map<String, Object>>) http.get("route")).get(0);
      Map<String, Object> destination = (Map<String, Object>) to.get("destination");
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
