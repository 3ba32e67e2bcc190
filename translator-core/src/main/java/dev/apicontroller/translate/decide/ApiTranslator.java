package dev.apicontroller.translate.decide;

import dev.apicontroller.model.Api;
import dev.apicontroller.model.ApiStatus;
import dev.apicontroller.model.ImmutableResourceRef;
import dev.apicontroller.model.ResourceRef;
import dev.apicontroller.model.StatusCode;
import dev.apicontroller.model.read.Problem;
import dev.apicontroller.model.read.ProblemCode;
import dev.apicontroller.translate.Config;
import dev.apicontroller.translate.Conflict;
import dev.apicontroller.translate.GeneratedMetadata;
import dev.apicontroller.translate.GeneratedObject;
import dev.apicontroller.translate.ObjectKind.Role;
import dev.apicontroller.translate.Profile;
import dev.apicontroller.translate.RouteKind;
import dev.apicontroller.translate.Translation;
import dev.apicontroller.translate.ambient.DataplaneChoice;
import dev.apicontroller.translate.ambient.WaypointGate;
import dev.apicontroller.translate.auth.EffectiveAuthentication;
import dev.apicontroller.translate.auth.Origin;
import dev.apicontroller.translate.conflict.ClusterView;
import dev.apicontroller.translate.conflict.HostnameOwnership;
import dev.apicontroller.translate.conflict.NameClaims;
import dev.apicontroller.translate.conflict.ObjectRef;
import dev.apicontroller.translate.conflict.ServiceOwnership;
import dev.apicontroller.translate.gatewayapi.HttpRouteBuilder;
import dev.apicontroller.translate.istio.CorsPolicy;
import dev.apicontroller.translate.istio.OwnedMetadata;
import dev.apicontroller.translate.istio.RouteBuilder;
import dev.apicontroller.translate.istio.VirtualServiceBuilder;
import dev.apicontroller.translate.istio.legacy.LegacyCorsPolicy;
import dev.apicontroller.translate.istio.legacy.PolicyBuilder;
import dev.apicontroller.translate.istio.modern.ModernAuthBuilder;
import dev.apicontroller.translate.istio.modern.ModernCorsPolicy;
import dev.apicontroller.translate.status.ReadyReason;
import dev.apicontroller.translate.status.StatusComposer;
import dev.apicontroller.translate.status.StatusLine;
import dev.apicontroller.translate.status.StatusLines;
import dev.apicontroller.translate.status.StatusMessages;
import dev.apicontroller.translate.validate.ApiValidator;
import dev.apicontroller.translate.validate.HostnameRule;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The one entry point of the core: validates an {@code Api}, resolves its conflicts against a
 * {@link ClusterView}, and produces the objects that should exist and the status it gets (SPEC
 * 2-5). The operator and the CLI call it with the same {@link Config}.
 *
 * <p>Immutable and thread-safe; everything that does not depend on the {@code Api} is prepared in
 * the constructor.
 */
public final class ApiTranslator {
  private final Config config;
  private final ApiValidator validator;
  private final EffectiveAuthentication authentication;
  private final ServiceOwnership serviceOwnership;
  private final HostnameOwnership hostnameOwnership;
  private final RouteBuilder routes;
  private final PolicyBuilder policies;
  private final ModernAuthBuilder modernAuth;
  private final boolean modern;
  private final DataplaneChoice dataplane;

  public ApiTranslator(Config config) {
    this.config = config;
    this.validator = new ApiValidator(config);
    this.authentication = new EffectiveAuthentication(config);
    this.serviceOwnership = new ServiceOwnership(validator);
    this.hostnameOwnership = new HostnameOwnership(validator, serviceOwnership);
    this.routes =
        config.routes() == RouteKind.GATEWAY_API
            ? new HttpRouteBuilder(config)
            : new VirtualServiceBuilder(config, corsPolicy(config));
    this.policies = new PolicyBuilder(config);
    this.modernAuth = new ModernAuthBuilder(config);
    this.modern = config.profile() == Profile.MODERN;
    this.dataplane = new DataplaneChoice(config);
  }

  public Config config() {
    return config;
  }

  /** The hostname rule this translator decides full hosts with; share it, don't rebuild it. */
  public HostnameRule hostnames() {
    return validator.hostnames();
  }

  /** The configured CORS policy in the profile's form, or null when none is configured. */
  private static CorsPolicy corsPolicy(Config config) {
    boolean none =
        config.corsAllowOrigin().isEmpty()
            && config.corsAllowMethods().isEmpty()
            && config.corsAllowHeaders().isEmpty();
    if (none) return null;
    return config.profile() == Profile.MODERN
        ? ModernCorsPolicy.of(config)
        : LegacyCorsPolicy.of(config);
  }

  /** The static rules of SPEC 2.1: every problem, each naming its field path. */
  public List<Problem> validate(Api api) {
    return validator.validate(api);
  }

  /** {@code <label>.<domain>} in lower case, or empty when the hostname is not allowed. */
  public Optional<String> fullHost(Api api) {
    if (api.spec() == null) return Optional.empty();
    return validator.hostnames().fullHost(api.spec().hostname());
  }

  /** What should exist for {@code api}, and the status it gets when that is applied. */
  public Translation translate(Api api, ClusterView cluster) {
    List<Problem> problems = validator.validate(api);
    if (problems.stream().anyMatch(Problem::isError)) {
      ApiStatus status =
          StatusComposer.compose(
              api,
              StatusCode.ERROR,
              new StatusLines(),
              ReadyReason.VALIDATION_FAILED,
              StatusMessages.validationFailed(problems),
              "");
      return new Translation(api, List.of(), status, problems, List.of(), false);
    }
    Optional<Api> serviceHolder = serviceOwnership.olderRival(api, cluster);
    if (serviceHolder.isPresent()) {
      String message = StatusMessages.serviceConflict(api, serviceHolder.get());
      Problem conflict =
          Problem.error(ProblemCode.SERVICE_ALREADY_EXPOSED, "spec.service.name", message);
      ApiStatus status =
          StatusComposer.compose(
              api,
              StatusCode.SERVICE_OCCUPIED,
              new StatusLines(),
              ReadyReason.SERVICE_CONFLICT,
              message,
              "");
      return new Translation(
          api,
          List.of(),
          status,
          with(problems, List.of(conflict)),
          List.of(new Conflict(Conflict.Kind.SERVICE_TAKEN, "spec.service.name", message)),
          false);
    }
    String host = validator.hostnames().fullHostOrNull(api.spec().hostname());
    List<Origin> origins = authentication.origins(api.spec());
    boolean secured = !origins.isEmpty();
    StatusLines lines = new StatusLines();

    Optional<String> hostHolder = hostnameOwnership.holder(api, host, cluster);
    if (hostHolder.isPresent()) {
      String message = StatusMessages.hostnameOccupied(host, hostHolder.get());
      lines.put(
          Role.ROUTE,
          StatusLine.of(StatusCode.HOSTNAME_OCCUPIED, message, ReadyReason.HOSTNAME_OCCUPIED));
      if (secured)
        waitLines(lines, StatusMessages.hostnameWait(host), ReadyReason.HOSTNAME_OCCUPIED);
      Conflict taken = new Conflict(Conflict.Kind.HOSTNAME_TAKEN, "spec.hostname", message);
      return done(api, host, lines, problems, List.of(taken), List.of(), true);
    }

    GeneratedMetadata metadata = OwnedMetadata.of(api);
    List<GeneratedObject> objects = new ArrayList<>(4);
    StatusLine routeWithheld = null;
    String namespace = api.metadata().namespaceOrDefault();
    String service = api.spec().service().name();
    if (secured && dataplane.ambient(namespace, cluster)) {
      ModernAuthBuilder.Result auth = modernAuth.buildAmbient(api, metadata, origins);
      objects.addAll(auth.objects());
      problems = with(problems, auth.warnings());
      List<String> missing = WaypointGate.missingLabels(cluster, namespace, service);
      if (!missing.isEmpty()) {
        // Fail closed: without a waypoint on the ingress path nothing enforces the JWT rules.
        String message = StatusMessages.waypointRequired(namespace, service, missing);
        Problem waypoint =
            Problem.warning(ProblemCode.WAYPOINT_REQUIRED, "spec.service.name", message);
        problems = with(problems, List.of(waypoint));
        routeWithheld =
            StatusLine.of(StatusCode.NOT_CREATED, message, ReadyReason.WAYPOINT_REQUIRED);
      }
    } else if (secured) {
      if (modern) {
        Optional<Map<String, String>> selector = cluster.serviceSelector(namespace, service);
        if (selector.isEmpty() || selector.get().isEmpty()) {
          String message = StatusMessages.serviceNotFound(namespace, service);
          Problem notFound =
              Problem.error(ProblemCode.SERVICE_NOT_FOUND, "spec.service.name", message);
          lines.put(
              Role.ROUTE,
              StatusLine.of(
                  StatusCode.NOT_CREATED,
                  StatusMessages.NOT_EXPOSED_WITHOUT_AUTH,
                  ReadyReason.APPLY_PENDING));
          lines.put(
              Role.AUTHENTICATION,
              StatusLine.of(StatusCode.ERROR, message, ReadyReason.SERVICE_NOT_FOUND));
          lines.put(
              Role.AUTHORIZATION,
              StatusLine.of(StatusCode.ERROR, message, ReadyReason.SERVICE_NOT_FOUND));
          Conflict missing =
              new Conflict(Conflict.Kind.SERVICE_NOT_FOUND, "spec.service.name", message);
          problems = with(problems, List.of(notFound));
          return done(api, host, lines, problems, List.of(missing), List.of(), false);
        }
        ModernAuthBuilder.Result auth = modernAuth.build(api, metadata, origins, selector.get());
        objects.addAll(auth.objects());
        problems = with(problems, auth.warnings());
      } else {
        objects.add(policies.build(api, metadata, origins));
      }
    }
    if (routeWithheld == null) objects.add(routes.build(api, metadata, host));

    List<Conflict> namesTaken = namesTaken(api, objects, lines, cluster);
    if (!namesTaken.isEmpty()) {
      return done(api, host, lines, problems, namesTaken, List.of(), true);
    }
    ResourceRef ref = ImmutableResourceRef.builder().name(metadata.name()).build();
    StatusLine created = StatusLine.created(ref);
    lines.put(Role.ROUTE, routeWithheld == null ? created : routeWithheld);
    if (secured) {
      lines.put(Role.AUTHENTICATION, created);
      if (modern) lines.put(Role.AUTHORIZATION, created);
    }
    return done(api, host, lines, problems, List.of(), objects, true);
  }

  /**
   * Fills {@code lines} when a foreign object holds one of the names, and returns a conflict per
   * taken name in role order (route, authentication, authorization); empty when none is taken.
   */
  private List<Conflict> namesTaken(
      Api api, List<GeneratedObject> objects, StatusLines lines, ClusterView cluster) {
    Map<Role, Conflict> taken = new EnumMap<>(Role.class);
    boolean authTaken = false;
    for (GeneratedObject o : objects) {
      Optional<ObjectRef> holder = NameClaims.foreignHolder(api, o.objectKind(), cluster);
      if (holder.isEmpty()) continue;
      Role role = o.objectKind().role();
      if (role != Role.ROUTE) authTaken = true;
      String message = StatusMessages.nameTaken(o.objectKind(), holder.get());
      lines.put(role, StatusLine.of(StatusCode.ERROR, message, ReadyReason.NAME_TAKEN));
      taken.putIfAbsent(role, new Conflict(Conflict.Kind.NAME_TAKEN, "metadata.name", message));
    }
    if (taken.isEmpty()) return List.of();
    for (GeneratedObject o : objects) {
      Role role = o.objectKind().role();
      if (lines.has(role)) continue;
      String why =
          role == Role.ROUTE && authTaken
              ? StatusMessages.NOT_EXPOSED_WITHOUT_AUTH
              : StatusMessages.notCreatedWithoutRoute(routes.kind());
      lines.put(role, StatusLine.of(StatusCode.NOT_CREATED, why, ReadyReason.APPLY_PENDING));
    }
    return List.copyOf(taken.values());
  }

  private void waitLines(StatusLines lines, String message, ReadyReason reason) {
    lines.put(Role.AUTHENTICATION, StatusLine.of(StatusCode.NOT_CREATED, message, reason));
    if (modern) {
      lines.put(Role.AUTHORIZATION, StatusLine.of(StatusCode.NOT_CREATED, message, reason));
    }
  }

  /** {@code problems} followed by {@code more}; {@code problems} itself when there are none. */
  private static List<Problem> with(List<Problem> problems, List<Problem> more) {
    if (more.isEmpty()) return problems;
    List<Problem> all = new ArrayList<>(problems);
    all.addAll(more);
    return all;
  }

  private static Translation done(
      Api api,
      String host,
      StatusLines lines,
      List<Problem> problems,
      List<Conflict> conflicts,
      List<GeneratedObject> objects,
      boolean prune) {
    String ready = StatusMessages.exposed(api, host);
    ApiStatus status =
        StatusComposer.compose(api, StatusCode.CREATED, lines, ReadyReason.EXPOSED, ready, ready);
    return new Translation(api, objects, status, problems, conflicts, prune);
  }
}
