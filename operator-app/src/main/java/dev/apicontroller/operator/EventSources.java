package dev.apicontroller.operator;

import dev.apicontroller.k8s.ApiResource;
import dev.apicontroller.k8s.CacheIndexes;
import dev.apicontroller.k8s.PackedItemStore;
import dev.apicontroller.k8s.TrimmedItemStore;
import dev.apicontroller.translate.Config;
import dev.apicontroller.translate.Dataplane;
import dev.apicontroller.translate.ObjectKind;
import dev.apicontroller.translate.Profile;
import dev.apicontroller.translate.decide.ApiTranslator;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.Service;
import io.javaoperatorsdk.operator.api.config.informer.InformerEventSourceConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.processing.GroupVersionKind;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.source.EventSource;
import io.javaoperatorsdk.operator.processing.event.source.IndexerResourceCache;
import io.javaoperatorsdk.operator.processing.event.source.informer.InformerEventSource;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

/**
 * The informers besides the primary one, each with the indexes the cluster view needs and the
 * mapping that says which {@code Api}s an event concerns; the indexes of the primary {@code Api}
 * cache; and the {@link SiblingApiEvents} that wake the {@code Api}s another {@code Api}'s change
 * concerns, fed by the primary informer (the {@code Api}s are watched once). Every informer stores
 * its objects trimmed ({@link TrimmedItemStore}), those of the generated kinds packed ({@link
 * PackedItemStore}): an informer added here gets {@code withItemStore} too.
 */
final class EventSources {
  /**
   * Objects per page of an informer's (re)list, so no single response holds a whole kind: at 3,000
   * {@code Api}s the unpaged restart peaked at 202.5 MiB RSS, the paged one at 169.1 MiB (the
   * converged operator: 183.9 MiB). Paging spreads the initial add events past the first reconcile;
   * {@link InitialListEvents} drops those, so each {@code Api} is still reconciled once after a
   * restart (docs/performance.md, "Restart memory").
   */
  static final long LIST_PAGE = 500;

  private final SiblingApiEvents siblingApis;
  private final Map<ObjectKind, InformerEventSource<GenericKubernetesResource, ApiResource>>
      objects = new EnumMap<>(ObjectKind.class);
  private final Map<ObjectKind, InformerWrites> writes = new EnumMap<>(ObjectKind.class);
  private final InformerEventSource<Service, ApiResource> services;
  private final InformerEventSource<Namespace, ApiResource> namespaces;

  /** Records each informer's {@link InitialListEvents}, run when the first reconcile starts. */
  private final List<Runnable> initialLists = new ArrayList<>();

  private volatile boolean initialListsRecorded;

  EventSources(
      EventSourceContext<ApiResource> context,
      ApiTranslator translator,
      WatchedKinds kinds,
      ReconcileMetrics metrics) {
    Config config = translator.config();
    // One store per informer (see TrimmedItemStore): with several watched namespaces the
    // inherited informers keep the default store.
    boolean oneInformerEach =
        context.getControllerConfiguration().getInformerConfig().getNamespaces().size() <= 1;
    // Interned: the same string as the host in the VirtualService's cached spec and index.
    Function<ApiResource, List<String>> hostIndex =
        api -> translator.fullHost(api.toApi()).map(h -> List.of(h.intern())).orElse(List.of());
    // The Apis are the controller's own informer's (one per watched namespace, or one for all):
    // the cluster view and the mappings read its indexes, added before it starts.
    IndexerResourceCache<ApiResource> apis = context.getPrimaryCache();
    apis.addIndexers(
        Map.of(
            CacheIndexes.API_HOST,
            hostIndex,
            CacheIndexes.API_SERVICE,
            CacheIndexes::apiService,
            SecondaryMappings.WAITING,
            SecondaryMappings::waiting));
    SecondaryMappings mappings = new SecondaryMappings(apis, hostIndex);
    siblingApis = new SiblingApiEvents(mappings::siblings, metrics.triggers(SiblingApiEvents.NAME));

    for (ObjectKind kind : kinds.served()) {
      boolean route = kind.role() == ObjectKind.Role.ROUTE;
      // VirtualServices list their hosts in spec.hosts, HTTPRoutes in spec.hostnames.
      String hostIndexName =
          kind.isVirtualService()
              ? CacheIndexes.VIRTUAL_SERVICE_HOST
              : CacheIndexes.HTTP_ROUTE_HOST;
      Function<GenericKubernetesResource, List<String>> hostsOf =
          kind.isVirtualService()
              ? CacheIndexes::virtualServiceHosts
              : CacheIndexes::httpRouteHostnames;
      String name = kind.name().toLowerCase(java.util.Locale.ROOT);
      AtomicReference<InformerEventSource<GenericKubernetesResource, ApiResource>> self =
          new AtomicReference<>();
      InformerWrites kindWrites = new InformerWrites();
      InitialListEvents<GenericKubernetesResource> initial =
          new InitialListEvents<>(route || oneInformerEach);
      var configuration =
          initial
              .filtering(
                  InformerEventSourceConfiguration.from(
                      new GroupVersionKind(kind.group(), kinds.version(kind), kind.kind()),
                      ApiResource.class))
              .withName(name)
              .withInformerListLimit(LIST_PAGE)
              .withItemStore(
                  route || oneInformerEach
                      ? new PackedItemStore(
                          ApiReconciler.NAME, CacheIndexes.indexedSpecFields(kind))
                      : null)
              .withSecondaryToPrimaryMapper(
                  metrics.counting(
                      name,
                      kindWrites.withoutWriter(
                          route ? o -> mappings.route(o, hostsOf) : mappings::owner)))
              .withPrimaryToSecondaryMapper((ApiResource api) -> controlledBy(self.get(), api));
      // A hostname is taken by a route (VirtualService or HTTPRoute) anywhere in the cluster (SPEC
      // 4), so routes are watched in every namespace even when WATCH_NAMESPACES limits the Apis.
      if (route) configuration.withWatchAllNamespaces();
      else configuration.withNamespacesInheritedFromController();
      InformerEventSource<GenericKubernetesResource, ApiResource> source =
          new InformerEventSource<>(configuration.build(), context);
      Map<String, java.util.function.Function<GenericKubernetesResource, List<String>>> indexes =
          new java.util.HashMap<>();
      indexes.put(CacheIndexes.CONTROLLER_UID, CacheIndexes::controllerUid);
      if (route) indexes.put(hostIndexName, hostsOf);
      else indexes.put(CacheIndexes.TERMINATING, CacheIndexes::terminating);
      source.addIndexers(indexes);
      self.set(source);
      initialLists.add(() -> initial.record(source.list()));
      kindWrites.cacheOf(source);
      objects.put(kind, source);
      writes.put(kind, kindWrites);
    }

    // Only the modern profile reads Service selectors; a legacy operator need not watch them.
    InitialListEvents<Service> initialServices = new InitialListEvents<>(oneInformerEach);
    services =
        config.profile() == Profile.MODERN
            ? new InformerEventSource<>(
                initialServices
                    .filtering(
                        InformerEventSourceConfiguration.from(Service.class, ApiResource.class))
                    .withName("services")
                    .withInformerListLimit(LIST_PAGE)
                    .withItemStore(
                        oneInformerEach ? new TrimmedItemStore<>(ApiReconciler.NAME) : null)
                    .withNamespacesInheritedFromController()
                    .withSecondaryToPrimaryMapper(metrics.counting("services", mappings::service))
                    .withPrimaryToSecondaryMapper(EventSources::exposedService)
                    .build(),
                context)
            : null;

    if (services != null) initialLists.add(() -> initialServices.record(services.list()));

    // Namespace labels make a namespace ambient and bind waypoints (SPEC 3.5): watched, in every
    // namespace (they are cluster-scoped), only when the target can write ambient objects.
    InitialListEvents<Namespace> initialNamespaces = new InitialListEvents<>(true);
    namespaces =
        config.target().supportsAmbient() && config.dataplane() != Dataplane.SIDECAR
            ? new InformerEventSource<>(
                initialNamespaces
                    .filtering(
                        InformerEventSourceConfiguration.from(Namespace.class, ApiResource.class))
                    .withName("namespaces")
                    .withInformerListLimit(LIST_PAGE)
                    .withItemStore(new TrimmedItemStore<>(null))
                    .withWatchAllNamespaces()
                    .withSecondaryToPrimaryMapper(
                        metrics.counting("namespaces", mappings::namespace))
                    .build(),
                context)
            : null;
    if (namespaces != null) initialLists.add(() -> initialNamespaces.record(namespaces.list()));
  }

  /**
   * Records what each secondary informer's store holds, so that the add events of those versions
   * that come later are dropped ({@link InitialListEvents}). Called when each reconcile starts,
   * before it reads a cache; only the first call records.
   */
  void beforeReconcile() {
    if (initialListsRecorded) return;
    synchronized (initialLists) {
      if (initialListsRecorded) return;
      initialLists.forEach(Runnable::run);
      initialListsRecorded = true;
    }
  }

  /**
   * The objects an {@code Api} controls, from the informer's own index. Given as the informers'
   * primary-to-secondary mapping, it replaces java-operator-sdk's default index of the same facts,
   * which would call the (counted, and for VirtualServices costly) secondary-to-primary mapping
   * again on every event and on every write of ours.
   */
  private static Set<ResourceID> controlledBy(
      InformerEventSource<GenericKubernetesResource, ApiResource> source, ApiResource api) {
    String uid = api.getMetadata().getUid();
    if (source == null || uid == null) return Set.of();
    Set<ResourceID> ids = new HashSet<>();
    source
        .byIndex(CacheIndexes.CONTROLLER_UID, uid)
        .forEach(o -> ids.add(ResourceID.fromResource(o)));
    return ids;
  }

  /** The Service an {@code Api} exposes. */
  private static Set<ResourceID> exposedService(ApiResource api) {
    if (api.getSpec() == null || api.getSpec().service() == null) return Set.of();
    String name = api.getSpec().service().name();
    return name == null ? Set.of() : Set.of(new ResourceID(name, api.getMetadata().getNamespace()));
  }

  Map<ObjectKind, InformerEventSource<GenericKubernetesResource, ApiResource>> objectSources() {
    return objects;
  }

  /** The writes in flight to each generated kind's objects, by the kind its informer watches. */
  Map<ObjectKind, InformerWrites> writes() {
    return writes;
  }

  Optional<InformerEventSource<Service, ApiResource>> services() {
    return Optional.ofNullable(services);
  }

  Optional<InformerEventSource<Namespace, ApiResource>> namespaces() {
    return Optional.ofNullable(namespaces);
  }

  List<EventSource<?, ApiResource>> all() {
    List<EventSource<?, ApiResource>> all = new ArrayList<>();
    all.add(siblingApis);
    all.addAll(objects.values());
    if (services != null) all.add(services);
    if (namespaces != null) all.add(namespaces);
    return all;
  }
}
