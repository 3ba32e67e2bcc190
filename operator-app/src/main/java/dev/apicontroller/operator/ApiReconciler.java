package dev.apicontroller.operator;

import dev.apicontroller.k8s.ApiResource;
import dev.apicontroller.k8s.CacheIndexes;
import dev.apicontroller.k8s.FinalizerPatch;
import dev.apicontroller.k8s.GeneratedObjectCaches;
import dev.apicontroller.k8s.IndexedCache;
import dev.apicontroller.k8s.InformerClusterView;
import dev.apicontroller.k8s.ObjectApplier;
import dev.apicontroller.k8s.OwnedObject;
import dev.apicontroller.k8s.TransitionTimes;
import dev.apicontroller.k8s.WrittenObjectCache;
import dev.apicontroller.model.ApiKind;
import dev.apicontroller.model.ApiStatus;
import dev.apicontroller.translate.Config;
import dev.apicontroller.translate.GeneratedObject;
import dev.apicontroller.translate.ObjectKind;
import dev.apicontroller.translate.Translation;
import dev.apicontroller.translate.decide.ApiTranslator;
import dev.apicontroller.translate.hold.AuthenticationHold;
import dev.apicontroller.translate.status.ApplyOutcome;
import dev.apicontroller.translate.status.ObjectWrite;
import dev.apicontroller.translate.status.StatusComposer;
import dev.apicontroller.translate.status.StatusEvents;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.ControllerConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.api.reconciler.IndexedResourceCache;
import io.javaoperatorsdk.operator.api.reconciler.PrimaryUpdateAndCacheUtils;
import io.javaoperatorsdk.operator.api.reconciler.Reconciler;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.source.EventSource;
import io.javaoperatorsdk.operator.processing.event.source.informer.InformerEventSource;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reconciles one {@code Api}: asks the core what should exist, applies it (authentication before
 * the VirtualService), deletes what it owns and no longer wants (the VirtualService first), and
 * writes the status only when it changed. Level-triggered: it never looks at what changed, only at
 * what is.
 *
 * <p>A deleted {@code Api} loses its routes here, then its authentication objects their hold
 * ({@link AuthenticationHold}): java-operator-sdk calls {@link #reconcile} on every event, the
 * delete included, one at a time per {@code Api}, so no apply of this {@code Api} can run between.
 * Left to the garbage collector alone, the VirtualService and the Policy go in no set order, and a
 * route that outlives its Policy serves the Service unsecured for a moment (SPEC 6; FaultsIT
 * measured up to 288 ms in most deletions); the hold keeps the Policy in force until the route is
 * gone.
 */
@ControllerConfiguration(name = ApiReconciler.NAME, triggerReconcilerOnAllEvents = true)
public final class ApiReconciler implements Reconciler<ApiResource> {
  static final String NAME = "api-controller";
  private static final Logger LOG = LoggerFactory.getLogger(ApiReconciler.class);
  private static final Duration RETRY_AFTER = Duration.ofSeconds(5);

  private final ApiTranslator translator;
  private final Clock clock;
  private final ReconcileMetrics metrics;
  private final ApiEventRecorder events;
  private final WatchedKinds watchedKinds;

  private final Map<ObjectKind, InformerEventSource<GenericKubernetesResource, ApiResource>>
      objectSources = new EnumMap<>(ObjectKind.class);
  private final Map<ObjectKind, InformerWrites> objectWrites = new EnumMap<>(ObjectKind.class);
  private volatile GeneratedObjectCaches objectCaches;
  private volatile EventSources eventSources;
  private volatile InformerClusterView clusterView;
  private volatile IndexedResourceCache<ApiResource> primaryCache;
  private volatile OrphanedHolds orphanedHolds;

  /** The {@code Api}s being reconciled now: {@link #releaseOrphanedHolds} leaves theirs alone. */
  private final Set<ResourceID> reconciling = ConcurrentHashMap.newKeySet();

  ApiReconciler(
      Config config,
      WatchedKinds watchedKinds,
      Clock clock,
      ReconcileMetrics metrics,
      ApiEventRecorder events) {
    this.translator = new ApiTranslator(config);
    this.watchedKinds = watchedKinds;
    this.clock = clock;
    this.metrics = metrics;
    this.events = events;
  }

  @Override
  public List<EventSource<?, ApiResource>> prepareEventSources(
      EventSourceContext<ApiResource> context) {
    EventSources sources = new EventSources(context, translator, watchedKinds, metrics);
    eventSources = sources;
    objectSources.putAll(sources.objectSources());
    objectWrites.putAll(sources.writes());
    Map<ObjectKind, IndexedCache<GenericKubernetesResource>> caches = new LinkedHashMap<>();
    objectSources.forEach((kind, source) -> caches.put(kind, new EventSourceCache<>(source)));
    objectCaches = new GeneratedObjectCaches(caches, watchedKinds.virtualServiceKind());
    IndexedCache<Service> services =
        sources
            .services()
            .<IndexedCache<Service>>map(EventSourceCache::new)
            .orElse(IndexedCache.empty());
    IndexedCache<Namespace> namespaces =
        sources
            .namespaces()
            .<IndexedCache<Namespace>>map(EventSourceCache::new)
            .orElse(IndexedCache.empty());
    clusterView =
        new InformerClusterView(
            new EventSourceCache<>(context.getPrimaryCache()), objectCaches, services, namespaces);
    metrics.watch(context.getPrimaryCache());
    primaryCache = context.getPrimaryCache();
    List<EventSource<?, ApiResource>> all = new ArrayList<>(sources.all());
    orphanedHolds = new OrphanedHolds(this, context.getClient());
    all.add(orphanedHolds);
    return all;
  }

  @Override
  public UpdateControl<ApiResource> reconcile(ApiResource resource, Context<ApiResource> context) {
    ResourceID id = ResourceID.fromResource(resource);
    reconciling.add(id);
    try {
      if (context.isPrimaryResourceDeleted() || resource.isMarkedForDeletion()) {
        return removeOwned(resource, context);
      }
      return applyWanted(resource, context);
    } finally {
      reconciling.remove(id);
    }
  }

  private UpdateControl<ApiResource> applyWanted(
      ApiResource resource, Context<ApiResource> context) {
    long started = System.nanoTime();
    eventSources.beforeReconcile();
    String uid = resource.getMetadata().getUid();
    Translation translation = translator.translate(resource.toApi(), clusterView);
    List<GeneratedObject> wanted = AuthenticationHold.held(translation.objects());

    ObjectApplier applier = new ObjectApplier(context, this::cacheWatching);
    List<ObjectWrite> writes = new ArrayList<>();
    Map<ObjectKind.Role, ApplyOutcome> outcomes = applyInOrder(applier, wanted, uid, writes);
    boolean allApplied =
        outcomes.values().stream().allMatch(o -> o.kind() == ApplyOutcome.Kind.APPLIED);
    boolean pruneFailed =
        translation.pruneUndesired() && pruneUnwanted(applier, wanted, uid, writes, allApplied);
    if (AuthenticationHold.apiFinalizerRemovable(
        resource.getMetadata().getFinalizers(),
        translation.pruneUndesired()
            && allApplied
            && !pruneFailed
            && !applier.changedMeanwhile())) {
      removeApiFinalizer(resource, context);
    }

    ApiStatus composed = StatusComposer.complete(translation, outcomes);
    ApiStatus next = TransitionTimes.fill(resource.getStatus(), composed, clock.instant());
    events.record(resource, StatusEvents.between(resource.getStatus(), next, writes));
    boolean retry =
        pruneFailed
            || outcomes.values().stream()
                .anyMatch(o -> o.kind() == ApplyOutcome.Kind.RETRYABLE_FAILURE);
    metrics.reconciled(System.nanoTime() - started);

    if (resource.getStatus() == null || !StatusComposer.sameStatus(resource.getStatus(), next)) {
      LOG.info(
          "status of Api {} now {}",
          resource.qualifiedName(),
          next.conditions().isEmpty() ? "-" : next.conditions().get(0).reason());
      ApiResource patch = new ApiResource();
      patch.setMetadata(
          new ObjectMetaBuilder()
              .withName(resource.getMetadata().getName())
              .withNamespace(resource.getMetadata().getNamespace())
              .build());
      patch.setStatus(next);
      ApiResource written;
      if (writtenByTheOriginalController(resource.getStatus())) {
        written = replaceStatus(resource, next, context);
      } else {
        // Patched through the status subresource and put in the primary cache, so a reconcile
        // that follows before the watch event sees this status and does not write it again.
        written =
            PrimaryUpdateAndCacheUtils.ssaPatchStatusAndCacheResource(resource, patch, context);
      }
      if (changedMeanwhile(resource, written)) {
        // The user changed the spec while this reconcile ran. The cached status write is newer
        // than that edit's event, so the event can be taken for one already seen, and our own
        // write's event is filtered as ours: without this, the edit would wait for the next
        // unrelated event (FaultsIT saw service renames never applied).
        LOG.info("Api {} changed while reconciled; again", resource.qualifiedName());
        return UpdateControl.<ApiResource>noUpdate().rescheduleAfter(Duration.ofMillis(10));
      }
    }
    UpdateControl<ApiResource> control = UpdateControl.noUpdate();
    if (applier.changedMeanwhile()) {
      // Someone else changed an object while this reconcile wrote it; the event was not told from
      // the write's own, so it did not wake this Api (InformerWrites).
      LOG.info("an object of Api {} changed while written; again", resource.qualifiedName());
      return control.rescheduleAfter(Duration.ofMillis(10));
    }
    return retry ? control.rescheduleAfter(RETRY_AFTER) : control;
  }

  private static boolean changedMeanwhile(ApiResource reconciled, ApiResource written) {
    if (written == null || written.getMetadata() == null) return false;
    Long before = reconciled.getMetadata().getGeneration();
    Long after = written.getMetadata().getGeneration();
    return before != null && after != null && !before.equals(after);
  }

  /**
   * An {@code Api} deleted or being deleted: deletes the routes it owns, then releases its
   * authentication objects from their hold, so they go (the garbage collector deletes them, its
   * owner being gone) only after the routes. An {@code Api} that still carries {@link
   * AuthenticationHold#API_FINALIZER} loses it last. A failed write throws and is retried; routes
   * come first in {@link GeneratedObjectCaches#ownedBy}, so a failed route delete releases nothing.
   */
  private UpdateControl<ApiResource> removeOwned(
      ApiResource resource, Context<ApiResource> context) {
    try {
      return removeOwnedNow(resource, context);
    } catch (RuntimeException e) {
      // java-operator-sdk 5.2.3 did not always retry a failed delete reconcile: OrphanedHolds
      // takes it up too (each step tests what it writes, so both may run).
      if (context.isPrimaryResourceDeleted() && resource.getMetadata().getUid() != null) {
        orphanedHolds.later(resource.getMetadata().getUid());
      }
      throw e;
    }
  }

  private UpdateControl<ApiResource> removeOwnedNow(
      ApiResource resource, Context<ApiResource> context) {
    eventSources.beforeReconcile();
    String uid = resource.getMetadata().getUid();
    ObjectApplier applier = new ObjectApplier(context, this::cacheWatching);
    List<ObjectWrite> writes = new ArrayList<>();
    deleteOwnedRoutes(applier, uid, writes);
    if (uid != null) releaseHolds(context.getClient(), uid);
    if (!context.isPrimaryResourceDeleted()
        && resource.getMetadata().getFinalizers() != null
        && resource.getMetadata().getFinalizers().contains(AuthenticationHold.API_FINALIZER)) {
      removeApiFinalizer(resource, context);
    }
    events.record(
        resource, StatusEvents.between(resource.getStatus(), resource.getStatus(), writes));
    return UpdateControl.noUpdate();
  }

  /**
   * Releases the authentication objects held for {@code Api}s that no longer exist (in neither the
   * cache nor the API server), after deleting the routes those {@code Api}s owned: deleted while no
   * operator ran, or whose delete reconcile failed (java-operator-sdk 5.2.3 did not always retry
   * one, see {@link OrphanedHolds}). Beside the reconciles, not through them: an {@code Api} gone
   * from the cache gets no reconcile that applies (java-operator-sdk hands it the delete event,
   * which does what this does), one still being reconciled is left to that reconcile, the API
   * server is asked before anything is released, and each release tests the object it read. Returns
   * how many it released; a failed write throws.
   *
   * @param terminating whether to look at the held objects being deleted (an index: the garbage
   *     collector deletes the objects of an {@code Api} that is gone; one it has not deleted yet
   *     holds nothing back)
   * @param uids {@code Api} uids whose held objects to look at (delete reconciles that failed)
   */
  int releaseOrphanedHolds(KubernetesClient client, boolean terminating, Set<String> uids) {
    // Each Api once, however many of its objects are held: one read of the server, one delete of
    // its routes.
    Map<String, ResourceID> gone = new LinkedHashMap<>();
    for (Map.Entry<ObjectKind, InformerEventSource<GenericKubernetesResource, ApiResource>> e :
        objectSources.entrySet()) {
      if (!terminating || !AuthenticationHold.holds(e.getKey())) continue;
      for (GenericKubernetesResource o :
          e.getValue().byIndex(CacheIndexes.TERMINATING, CacheIndexes.TERMINATING)) {
        controllingApi(o).ifPresent(api -> gone.putIfAbsent(CacheIndexes.controllerUidOf(o), api));
      }
    }
    for (String uid : uids) {
      objectCaches.ownedBy(uid).stream()
          .findFirst()
          .flatMap(o -> controllingApi(o.object()))
          .ifPresent(api -> gone.putIfAbsent(uid, api));
    }
    int released = 0;
    for (Map.Entry<String, ResourceID> api : gone.entrySet()) {
      String uid = api.getKey();
      ResourceID id = api.getValue();
      if (apiCached(id, uid) || reconciling.contains(id) || apiOnServer(client, id, uid)) continue;
      List<OwnedObject> owned = objectCaches.ownedBy(uid);
      if (owned.stream().noneMatch(o -> AuthenticationHold.holds(o.kind()))) continue;
      for (OwnedObject o : owned) {
        if (o.kind().role() == ObjectKind.Role.ROUTE) ObjectApplier.deleteObject(client, o);
      }
      released += releaseHolds(client, uid);
    }
    return released;
  }

  /**
   * Releases every held object the {@code Api} with this uid controls; returns how many it
   * released.
   */
  private int releaseHolds(KubernetesClient client, String uid) {
    int released = 0;
    for (OwnedObject owned : objectCaches.ownedBy(uid)) {
      if (!AuthenticationHold.holds(owned.kind())) continue;
      Optional<GenericKubernetesResource> whole = whole(owned);
      if (whole.isPresent() && ObjectApplier.releaseHold(client, owned.kind(), whole.get())) {
        released++;
      }
    }
    return released;
  }

  /** Whether the {@code Api} with this uid still has held objects in the caches. */
  boolean holdsFor(String apiUid) {
    return objectCaches.ownedBy(apiUid).stream()
        .anyMatch(
            o ->
                AuthenticationHold.holds(o.kind())
                    && whole(o)
                        .map(w -> AuthenticationHold.carriesHold(w.getMetadata().getFinalizers()))
                        .orElse(false));
  }

  /** The {@code Api} an object's controller reference names, when it names one. */
  private static Optional<ResourceID> controllingApi(GenericKubernetesResource object) {
    String uid = CacheIndexes.controllerUidOf(object);
    if (uid == null) return Optional.empty();
    return object.getMetadata().getOwnerReferences().stream()
        .filter(ref -> uid.equals(ref.getUid()) && ApiKind.KIND.equals(ref.getKind()))
        .findFirst()
        .map(ref -> new ResourceID(ref.getName(), object.getMetadata().getNamespace()));
  }

  /** Whether the cache holds the {@code Api} {@code id} with this uid. */
  private boolean apiCached(ResourceID id, String uid) {
    return primaryCache.get(id).map(a -> uid.equals(a.getMetadata().getUid())).orElse(false);
  }

  /**
   * Whether the API server has the {@code Api} (with that uid) the cache has not: the one read of
   * the pass, made only for an {@code Api} found gone, so that no cache lag can ever release a live
   * {@code Api}'s objects. A list by name: the role lists {@code Api}s, it does not get them.
   */
  private static boolean apiOnServer(KubernetesClient client, ResourceID id, String uid) {
    return client
        .resources(ApiResource.class)
        .inNamespace(id.getNamespace().orElseThrow())
        .withField("metadata.name", id.getName())
        .list()
        .getItems()
        .stream()
        .anyMatch(a -> uid.equals(a.getMetadata().getUid()));
  }

  /** Whether the informers of the generated objects have filled their caches. */
  boolean objectCachesFilled() {
    return !objectSources.isEmpty()
        && objectSources.values().stream().allMatch(InformerEventSource::isRunning);
  }

  /** The cached object whole (with its finalizers), as the cache holds it now. */
  private Optional<GenericKubernetesResource> whole(OwnedObject owned) {
    return objectCaches.cache(owned.kind()).get(owned.namespace(), owned.name());
  }

  /**
   * Removes the {@code Api} finalizer an earlier version of this operator added. A JSON patch that
   * tests the finalizers first: a list changed meanwhile fails (422), and the reconcile is retried.
   */
  private static void removeApiFinalizer(ApiResource resource, Context<ApiResource> context) {
    List<String> finalizers = resource.getMetadata().getFinalizers();
    String patch =
        FinalizerPatch.replacing(
            null, finalizers, AuthenticationHold.withoutApiFinalizer(finalizers));
    try {
      context
          .getClient()
          .resources(ApiResource.class)
          .inNamespace(resource.getMetadata().getNamespace())
          .resource(resource)
          .patch(PatchContext.of(PatchType.JSON), patch);
    } catch (KubernetesClientException e) {
      if (e.getCode() != 404) throw e;
    }
    LOG.info(
        "removed the finalizer {} from Api {}",
        AuthenticationHold.API_FINALIZER,
        resource.qualifiedName());
  }

  /**
   * A status without {@code observedGeneration} and conditions: the original Go controller's, which
   * this operator always writes.
   */
  static boolean writtenByTheOriginalController(ApiStatus status) {
    return status != null && status.observedGeneration() == null && status.conditions().isEmpty();
  }

  /**
   * Replaces the original controller's status whole, once. A server-side apply would keep the
   * fields it wrote and ours lacks (the {@code authenticationStatus} of an unsecured {@code Api}),
   * since another field manager owns them. Optimistic locking: a conflict is retried.
   */
  private static ApiResource replaceStatus(
      ApiResource resource, ApiStatus next, Context<ApiResource> context) {
    ApiResource replacement = context.getClient().getKubernetesSerialization().clone(resource);
    replacement.setStatus(next);
    ApiResource written = context.getClient().resource(replacement).updateStatus();
    context
        .eventSourceRetriever()
        .getControllerEventSource()
        .handleRecentResourceUpdate(ResourceID.fromResource(resource), written, resource);
    LOG.info("replaced the original controller's status of Api {}", resource.qualifiedName());
    return written;
  }

  /**
   * Applies in the core's order (authentication and authorization objects first). When one of those
   * fails the VirtualService is held back, so a route never goes live unsecured. The worst outcome
   * of a role's objects speaks for the role.
   */
  private Map<ObjectKind.Role, ApplyOutcome> applyInOrder(
      ObjectApplier applier, List<GeneratedObject> objects, String uid, List<ObjectWrite> writes) {
    Map<ObjectKind.Role, ApplyOutcome> byRole = new EnumMap<>(ObjectKind.Role.class);
    boolean securityFailed = false;
    boolean routeRemoved = removeRouteBeforeItsAuthenticationMoves(applier, objects, uid, writes);
    for (GeneratedObject object : objects) {
      boolean route = object.objectKind().role() == ObjectKind.Role.ROUTE;
      ApplyOutcome outcome;
      if (route && securityFailed) {
        outcome =
            ApplyOutcome.retryableFailure(
                "The " + object.kind() + " waits until the authentication objects are in place.");
      } else {
        Optional<GenericKubernetesResource> live =
            route && routeRemoved
                ? Optional.empty()
                : objectCaches
                    .cache(object.objectKind())
                    .get(object.metadata().namespace(), object.metadata().name());
        if (!route && live.isPresent() && heldAndTerminating(live.get(), uid)) {
          // Deleted by someone while wanted: the routes went first (above); it goes now, and is
          // created anew.
          applier.release(object.objectKind(), live.get());
          live = Optional.empty();
        }
        outcome = applier.apply(object, live);
        ObjectWrites.applied(object, live, outcome).ifPresent(writes::add);
      }
      if (outcome.kind() != ApplyOutcome.Kind.APPLIED && !route) securityFailed = true;
      ApplyOutcome previous = byRole.get(object.objectKind().role());
      if (previous == null || previous.kind() == ApplyOutcome.Kind.APPLIED) {
        byRole.put(object.objectKind().role(), outcome);
      }
    }
    return byRole;
  }

  /**
   * When a secured route is to lead to another Service, deletes the route to the old one before the
   * authentication objects move. Applied first, they would stop covering the old Service while the
   * route still leads there (until the route is rewritten, or its retry succeeds): an open door,
   * against SPEC 6. The route is created again after them, so the Service is unreachable for that
   * moment rather than unsecured. Returns whether the route was deleted.
   *
   * <p>The same when the authentication objects move between a workload selector and {@code
   * targetRefs} (a switch between the sidecar and the ambient data plane): they are rewritten one
   * at a time, and in between a RequestAuthentication on one attachment beside the DENY
   * AuthorizationPolicy on the other secures the route in neither data plane (a sidecar with the
   * RequestAuthentication but without the DENY policy admits requests without a token).
   * TargetSwitchIT found such states in each switch to and from ambient.
   *
   * <p>And when the core holds the route back (an ambient route waiting for its waypoint): it goes
   * before the auth objects change (they may move from a sidecar selector to a waypoint not yet
   * there), never after (SPEC 3.5, 6).
   */
  private boolean removeRouteBeforeItsAuthenticationMoves(
      ObjectApplier applier, List<GeneratedObject> objects, String uid, List<ObjectWrite> writes) {
    boolean secured =
        objects.stream().anyMatch(o -> o.objectKind().role() != ObjectKind.Role.ROUTE);
    if (!secured || uid == null) return false;
    boolean withheld = routeWithheld(objects);
    if (withheld || authenticationReattaches(objects) || authenticationTerminating(objects, uid)) {
      // Every route it owns, of either kind: a switch may also change the route's kind.
      int before = writes.size();
      deleteOwnedRoutes(applier, uid, writes);
      boolean deleted = writes.size() > before;
      if (deleted && !withheld) {
        LOG.info(
            "routes of Api uid {} deleted first: their authentication moves between workload"
                + " selector and targetRefs; recreated after it",
            uid);
      }
      return deleted;
    }
    for (GeneratedObject route : objects) {
      if (route.objectKind().role() != ObjectKind.Role.ROUTE) continue;
      Optional<GenericKubernetesResource> live =
          objectCaches
              .cache(route.objectKind())
              .get(route.metadata().namespace(), route.metadata().name());
      if (live.isEmpty() || !uid.equals(CacheIndexes.controllerUidOf(live.get()))) return false;
      Optional<String> wanted = RouteDestination.of(route);
      Optional<String> current = RouteDestination.of(live.get());
      if (wanted.isPresent() && current.isPresent() && !wanted.equals(current)) {
        LOG.info(
            "route {}/{} moves from {} to {}: deleted first, recreated after its authentication",
            route.metadata().namespace(),
            route.metadata().name(),
            current.get(),
            wanted.get());
        OwnedObject old = new OwnedObject(route.objectKind(), live.get());
        boolean deleted = applier.delete(old);
        if (deleted) writes.add(ObjectWrites.deleted(old));
        return deleted;
      }
    }
    return false;
  }

  /**
   * Whether the wanted RequestAuthentication and AuthorizationPolicy are all live, so the live
   * route may rely on them, and one of them is live with the other attachment (workload selector vs
   * {@code targetRefs}). A route whose modern objects are not all live relies on none of them (an
   * Api whose RequestAuthentication admission refuses keeps its legacy route and Policy).
   */
  private boolean authenticationReattaches(List<GeneratedObject> objects) {
    boolean other = false;
    for (GeneratedObject o : objects) {
      Optional<Boolean> wanted = PolicyAttachment.byTargetRefs(o);
      if (wanted.isEmpty()) continue;
      Optional<GenericKubernetesResource> live =
          objectCaches.cache(o.objectKind()).get(o.metadata().namespace(), o.metadata().name());
      if (live.isEmpty()) return false;
      other |= PolicyAttachment.byTargetRefs(live.get()) != wanted.get();
    }
    return other;
  }

  /**
   * Whether a wanted authentication object of this {@code Api} is live but being deleted (by a
   * person: the {@code Api} is not). Its hold keeps it in force; it can only be created anew once
   * released, and the routes that rely on it go before that.
   */
  private boolean authenticationTerminating(List<GeneratedObject> objects, String uid) {
    for (GeneratedObject o : objects) {
      if (o.objectKind().role() == ObjectKind.Role.ROUTE) continue;
      // The index names the few objects being deleted: an object not among them is not read whole.
      String key = CacheIndexes.terminatingKey(o.metadata().namespace(), o.metadata().name());
      if (objectCaches.cache(o.objectKind()).byIndex(CacheIndexes.TERMINATING, key).isEmpty()) {
        continue;
      }
      Optional<GenericKubernetesResource> live =
          objectCaches.cache(o.objectKind()).get(o.metadata().namespace(), o.metadata().name());
      if (live.isPresent() && heldAndTerminating(live.get(), uid)) return true;
    }
    return false;
  }

  private static boolean heldAndTerminating(GenericKubernetesResource live, String uid) {
    return live.getMetadata().getDeletionTimestamp() != null
        && uid != null
        && uid.equals(CacheIndexes.controllerUidOf(live))
        && AuthenticationHold.carriesHold(live.getMetadata().getFinalizers());
  }

  /** Auth objects wanted without a route: the core holds the route back (ambient, SPEC 3.5). */
  private static boolean routeWithheld(List<GeneratedObject> wanted) {
    return !wanted.isEmpty()
        && wanted.stream().noneMatch(o -> o.objectKind().role() == ObjectKind.Role.ROUTE);
  }

  private void deleteOwnedRoutes(ObjectApplier applier, String uid, List<ObjectWrite> writes) {
    if (uid == null) return;
    for (OwnedObject owned : objectCaches.ownedBy(uid)) {
      if (owned.kind().role() == ObjectKind.Role.ROUTE && applier.delete(owned)) {
        writes.add(ObjectWrites.deleted(owned));
      }
    }
  }

  /**
   * Deletes owned objects the core no longer wants, routes first; returns whether one could not be
   * removed (the reconcile is then tried again). An unwanted authentication object (the old
   * target's, after a switch of target) stays while a route this {@code Api} keeps is live and the
   * objects that are to secure it in its place did not all apply: the route (held back at its old
   * content) may still rely on it. It goes on the reconcile that applies them all.
   */
  private boolean pruneUnwanted(
      ObjectApplier applier,
      List<GeneratedObject> wanted,
      String uid,
      List<ObjectWrite> writes,
      boolean allApplied) {
    Set<String> keep = new HashSet<>();
    for (GeneratedObject o : wanted) keep.add(identity(o.objectKind(), o.metadata().name()));
    boolean keptRouteLive = false;
    boolean failed = false;
    for (OwnedObject owned : objectCaches.ownedBy(uid)) {
      boolean route = owned.kind().role() == ObjectKind.Role.ROUTE;
      if (keep.contains(identity(owned.kind(), owned.name()))) {
        keptRouteLive |= route;
        continue;
      }
      if (!route && keptRouteLive && !allApplied) {
        LOG.info(
            "{} {}/{} kept until the objects replacing it are applied",
            owned.kind().kind(),
            owned.namespace(),
            owned.name());
        continue;
      }
      try {
        if (AuthenticationHold.holds(owned.kind())) {
          whole(owned).ifPresent(o -> applier.release(owned.kind(), o));
        }
        if (applier.delete(owned)) writes.add(ObjectWrites.deleted(owned));
      } catch (KubernetesClientException e) {
        // Retried as a failed apply is (RETRY_AFTER), not by a throw and its growing back-off: a
        // held object takes two writes to remove, the release and the delete.
        LOG.info(
            "removing {} {}/{} failed ({}); again in {}",
            owned.kind().kind(),
            owned.namespace(),
            owned.name(),
            e.getCode(),
            RETRY_AFTER);
        failed = true;
        // A route that stays may rely on the authentication objects after it.
        if (route) break;
      }
    }
    return failed;
  }

  /** Both VirtualService versions are one resource on the server: the same identity. */
  private static String identity(ObjectKind kind, String name) {
    return kind.group() + "/" + kind.plural() + "/" + name;
  }

  /** The informer that watches {@code kind} (both VirtualService versions share one). */
  private Optional<WrittenObjectCache> cacheWatching(ObjectKind kind) {
    ObjectKind watchedAs = kind.isVirtualService() ? watchedKinds.virtualServiceKind() : kind;
    return Optional.ofNullable(watchedAs == null ? null : objectWrites.get(watchedAs));
  }
}
