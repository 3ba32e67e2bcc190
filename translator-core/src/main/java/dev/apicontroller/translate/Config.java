package dev.apicontroller.translate;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.immutables.value.Value;

/**
 * The controller's settings (SPEC 3). The operator reads them from its environment ({@code
 * DOMAIN_NAME}, {@code GATEWAY_FQDN}, ...), the CLI from flags and a config file; both build this
 * one value. Defaults are the spec's.
 */
@Value.Immutable
public interface Config {
  /** {@code DOMAIN_NAME} */
  @Value.Default
  default String domain() {
    return "kyma.local";
  }

  /** {@code GATEWAY_FQDN} */
  @Value.Default
  default String gateway() {
    return "kyma-gateway.kyma-system.svc.cluster.local";
  }

  /** {@code CLUSTER_DOMAIN} */
  @Value.Default
  default String clusterDomain() {
    return "cluster.local";
  }

  /** {@code DEFAULT_ISSUER} */
  Optional<String> defaultIssuer();

  /** {@code DEFAULT_JWKS_URI} */
  Optional<String> defaultJwksUri();

  /** {@code ENABLE_MTLS} */
  @Value.Default
  default boolean mtls() {
    return true;
  }

  /** {@code CORS_ALLOW_ORIGIN}; all three CORS lists empty means no corsPolicy. */
  @Value.Default
  default List<String> corsAllowOrigin() {
    return List.of("*");
  }

  /** {@code CORS_ALLOW_METHODS} */
  @Value.Default
  default List<String> corsAllowMethods() {
    return List.of("GET", "POST", "PUT", "DELETE");
  }

  /** {@code CORS_ALLOW_HEADERS} */
  @Value.Default
  default List<String> corsAllowHeaders() {
    return List.of("Authorization", "Content-Type", "*");
  }

  /** {@code BLACKLISTED_SERVICES}: {@code service.namespace} entries that may not be exposed. */
  @Value.Default
  default Set<String> blocklist() {
    return Set.of("kubernetes.default", "kube-dns.kube-system");
  }

  /** Extra domains a hostname may use besides {@link #domain()}. */
  List<String> allowedDomains();

  /** {@code ISTIO_PROFILE} */
  @Value.Default
  default Profile profile() {
    return Profile.LEGACY;
  }

  static ImmutableConfig.Builder builder() {
    return ImmutableConfig.builder();
  }

  static Config defaults() {
    return ImmutableConfig.builder().build();
  }
}
