package dev.apicontroller.translate;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.immutables.value.Value;

/**
 * The translation settings (SPEC 3) as the translator takes them. Each one is defined once, in the
 * settings registry ({@code translate.settings.Settings}: names, validation), whose defaults for
 * these are the defaults here; the programs build this value from the registry's values. This
 * package depends on no other of the core, so that every other may use it.
 */
@Value.Immutable
public interface Config {
  @Value.Default
  default String domain() {
    return "kyma.local";
  }

  @Value.Default
  default GatewayRef gateway() {
    return GatewayRef.of("kyma-system", "kyma-gateway");
  }

  @Value.Default
  default String clusterDomain() {
    return "cluster.local";
  }

  Optional<String> defaultIssuer();

  Optional<String> defaultJwksUri();

  @Value.Default
  default boolean mtls() {
    return true;
  }

  /** All three CORS lists empty means no corsPolicy. */
  @Value.Default
  default List<String> corsAllowOrigin() {
    return List.of("*");
  }

  @Value.Default
  default List<String> corsAllowMethods() {
    return List.of("GET", "POST", "PUT", "DELETE");
  }

  @Value.Default
  default List<String> corsAllowHeaders() {
    return List.of("Authorization", "Content-Type", "*");
  }

  /** {@code service.namespace} entries that may not be exposed. */
  @Value.Default
  default Set<String> blocklist() {
    return new LinkedHashSet<>(List.of("kubernetes.default", "kube-dns.kube-system"));
  }

  /** Extra domains a hostname may use besides the domain. */
  List<String> allowedDomains();

  /** Which objects at which API versions (SPEC 3.5); the CLI's default is legacy, as the seed. */
  @Value.Default
  default IstioTarget target() {
    return IstioTarget.LEGACY;
  }

  /**
   * VirtualService or Gateway API HTTPRoute (SPEC 3.5); Gateway API needs the {@link
   * IstioTarget#V1} target ({@link RouteKind#refusal}).
   */
  @Value.Default
  default RouteKind routes() {
    return RouteKind.VIRTUAL_SERVICE;
  }

  /** Refuses a route kind the target cannot carry, with the rule the settings report. */
  @Value.Check
  default void checkRoutes() {
    String refusal = routes().refusal(target());
    if (refusal != null) throw new IllegalStateException("routes: " + refusal);
  }

  /**
   * Sidecar or ambient objects (SPEC 3.5); {@code auto} decides per namespace. Ambient needs the
   * {@link IstioTarget#V1} target (Istio 1.22, the first whose RequestAuthentication and
   * AuthorizationPolicy take {@code targetRefs}): the settings refuse a forced ambient below it,
   * and {@code auto} treats every namespace as sidecar below it.
   */
  @Value.Default
  default Dataplane dataplane() {
    return Dataplane.AUTO;
  }

  /** Legacy or modern objects, as {@link #target()} says. */
  default Profile profile() {
    return target().profile();
  }

  static ImmutableConfig.Builder builder() {
    return ImmutableConfig.builder();
  }

  static Config defaults() {
    return ImmutableConfig.builder().build();
  }
}
