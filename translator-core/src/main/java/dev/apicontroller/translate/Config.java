package dev.apicontroller.translate;

import dev.apicontroller.translate.settings.GatewayRef;
import dev.apicontroller.translate.settings.Program;
import dev.apicontroller.translate.settings.Setting;
import dev.apicontroller.translate.settings.SettingValues;
import dev.apicontroller.translate.settings.Settings;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.immutables.value.Value;

/**
 * The translation settings (SPEC 3) as the translator takes them. Each one is defined once, in
 * {@link Settings} (names, validation, defaults); the programs build this value with {@link
 * SettingValues#config()}. The defaults here are {@link Settings}'s, for code that builds a {@code
 * Config} directly (tests, embedders).
 */
@Value.Immutable
public interface Config {
  /** {@link Settings#DOMAIN} */
  @Value.Default
  default String domain() {
    return byDefault(Settings.DOMAIN);
  }

  /** {@link Settings#GATEWAY} */
  @Value.Default
  default GatewayRef gateway() {
    return byDefault(Settings.GATEWAY);
  }

  /** {@link Settings#CLUSTER_DOMAIN} */
  @Value.Default
  default String clusterDomain() {
    return byDefault(Settings.CLUSTER_DOMAIN);
  }

  /** {@link Settings#DEFAULT_ISSUER} */
  Optional<String> defaultIssuer();

  /** {@link Settings#DEFAULT_JWKS_URI} */
  Optional<String> defaultJwksUri();

  /** {@link Settings#MTLS} */
  @Value.Default
  default boolean mtls() {
    return byDefault(Settings.MTLS);
  }

  /** {@link Settings#CORS_ALLOW_ORIGIN}; all three CORS lists empty means no corsPolicy. */
  @Value.Default
  default List<String> corsAllowOrigin() {
    return byDefault(Settings.CORS_ALLOW_ORIGIN);
  }

  /** {@link Settings#CORS_ALLOW_METHODS} */
  @Value.Default
  default List<String> corsAllowMethods() {
    return byDefault(Settings.CORS_ALLOW_METHODS);
  }

  /** {@link Settings#CORS_ALLOW_HEADERS} */
  @Value.Default
  default List<String> corsAllowHeaders() {
    return byDefault(Settings.CORS_ALLOW_HEADERS);
  }

  /** {@link Settings#BLOCKLIST}: {@code service.namespace} entries that may not be exposed. */
  @Value.Default
  default Set<String> blocklist() {
    return new LinkedHashSet<>(byDefault(Settings.BLOCKLIST));
  }

  /** {@link Settings#ALLOWED_DOMAINS}: extra domains a hostname may use besides the domain. */
  List<String> allowedDomains();

  /** {@link Settings#PROFILE} */
  @Value.Default
  default Profile profile() {
    return byDefault(Settings.PROFILE);
  }

  static ImmutableConfig.Builder builder() {
    return ImmutableConfig.builder();
  }

  static Config defaults() {
    return ImmutableConfig.builder().build();
  }

  private static <T> T byDefault(Setting<T> setting) {
    return setting.defaultValue(Program.CLI).orElseThrow();
  }
}
