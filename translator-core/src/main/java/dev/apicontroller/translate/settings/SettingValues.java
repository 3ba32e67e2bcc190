package dev.apicontroller.translate.settings;

import dev.apicontroller.translate.Config;
import dev.apicontroller.translate.Dataplane;
import dev.apicontroller.translate.IstioTarget;
import dev.apicontroller.translate.IstioVersion;
import dev.apicontroller.translate.Profile;
import dev.apicontroller.translate.RouteKind;
import dev.apicontroller.translate.gatewayapi.GatewayApiCors;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The settings one program was given, each already validated by its {@link Setting}; what was not
 * given takes the program's default. {@link #config()} is the one way the translation settings
 * reach the translator.
 */
public final class SettingValues {
  private final Program program;
  private final Map<Setting<?>, Object> given;

  private SettingValues(Program program, Map<Setting<?>, Object> given) {
    this.program = program;
    this.given = Map.copyOf(given);
  }

  /** Nothing given: every setting at {@code program}'s default. */
  public static SettingValues defaults(Program program) {
    return new SettingValues(program, Map.of());
  }

  public static Builder builder(Program program) {
    return new Builder(program);
  }

  /** The value given, else the program's default; empty when neither exists. */
  public <T> Optional<T> get(Setting<T> setting) {
    @SuppressWarnings("unchecked")
    T value = (T) given.get(setting);
    return value != null ? Optional.of(value) : setting.defaultValue(program);
  }

  /** Whether a value was given (rather than defaulted). */
  public boolean isGiven(Setting<?> setting) {
    return given.containsKey(setting);
  }

  /** These values, with {@code lower} filling what these do not give (flags over a file). */
  public SettingValues over(SettingValues lower) {
    Map<Setting<?>, Object> merged = new LinkedHashMap<>(lower.given);
    merged.putAll(given);
    return new SettingValues(program, merged);
  }

  /**
   * The target the settings choose (SPEC 3.5): the Istio version's, else the profile's; empty when
   * neither is given nor defaulted (the operator then asks the cluster).
   *
   * @throws InvalidSettingValue when a profile and a version are both given and disagree
   */
  public Optional<IstioTarget> target() {
    Optional<Profile> profile = get(Settings.PROFILE);
    Optional<IstioVersion> version = get(Settings.ISTIO_VERSION);
    if (version.isEmpty()) return profile.map(IstioTarget::of);
    IstioTarget target = IstioTarget.of(version.get());
    if (isGiven(Settings.PROFILE) && profile.orElseThrow() != target.profile()) {
      throw new InvalidSettingValue(
          Settings.ISTIO_VERSION,
          version.get().toString(),
          "disagrees with profile "
              + profile.orElseThrow().wireName()
              + ": Istio "
              + version.get()
              + " takes the "
              + target.profile().wireName()
              + " objects; give one of the two");
    }
    return Optional.of(target);
  }

  /**
   * The translation settings (SPEC 3).
   *
   * @throws InvalidSettingValue when the profile and the Istio version disagree
   * @throws java.util.NoSuchElementException when no target is chosen: use {@link
   *     #config(IstioTarget)}
   */
  public Config config() {
    return config(target().orElseThrow());
  }

  /**
   * The translation settings, for {@code target} (one the settings leave open, found otherwise).
   *
   * @throws InvalidSettingValue when the route kind cannot be written for the target, or the data
   *     plane is forced to ambient and {@code target} cannot attach to waypoints
   */
  public Config config(IstioTarget target) {
    RouteKind routes = get(Settings.ROUTES).orElseThrow();
    String refusal = routes.refusal(target);
    if (refusal != null) throw new InvalidSettingValue(Settings.ROUTES, routes.wireName(), refusal);
    if (routes == RouteKind.GATEWAY_API) {
      refuseCors(Settings.CORS_ALLOW_ORIGIN, GatewayApiCors::originRefusal);
      refuseCors(Settings.CORS_ALLOW_METHODS, GatewayApiCors::methodRefusal);
      refuseCors(Settings.CORS_ALLOW_HEADERS, GatewayApiCors::headerRefusal);
    }
    Dataplane dataplane = get(Settings.DATAPLANE).orElseThrow();
    requireAmbientSupport(dataplane, target);
    return Config.builder()
        .dataplane(dataplane)
        .domain(get(Settings.DOMAIN).orElseThrow())
        .gateway(get(Settings.GATEWAY).orElseThrow())
        .clusterDomain(get(Settings.CLUSTER_DOMAIN).orElseThrow())
        .target(target)
        .routes(routes)
        .defaultIssuer(get(Settings.DEFAULT_ISSUER))
        .defaultJwksUri(get(Settings.DEFAULT_JWKS_URI))
        .mtls(get(Settings.MTLS).orElseThrow())
        .corsAllowOrigin(get(Settings.CORS_ALLOW_ORIGIN).orElseThrow())
        .corsAllowMethods(get(Settings.CORS_ALLOW_METHODS).orElseThrow())
        .corsAllowHeaders(get(Settings.CORS_ALLOW_HEADERS).orElseThrow())
        .blocklist(new LinkedHashSet<>(get(Settings.BLOCKLIST).orElseThrow()))
        .allowedDomains(get(Settings.ALLOWED_DOMAINS).orElseThrow())
        .build();
  }

  /** A CORS list the HTTPRoute's {@code CORS} filter cannot carry is refused as that setting. */
  private void refuseCors(
      Setting<List<String>> setting, java.util.function.Function<List<String>, String> rule) {
    List<String> value = get(setting).orElseThrow();
    String refusal = rule.apply(value);
    if (refusal != null) throw new InvalidSettingValue(setting, String.join(",", value), refusal);
  }

  /**
   * Refuses a forced ambient data plane for a target whose auth objects cannot attach to waypoints
   * (SPEC 3.5): the operator checks the target it discovered with this too.
   *
   * @throws InvalidSettingValue naming {@link Settings#DATAPLANE}
   */
  public static void requireAmbientSupport(Dataplane dataplane, IstioTarget target) {
    if (dataplane != Dataplane.AMBIENT || target.supportsAmbient()) return;
    throw new InvalidSettingValue(
        Settings.DATAPLANE,
        dataplane.wireName(),
        "ambient needs Istio >= 1.22, the first whose RequestAuthentication and"
            + " AuthorizationPolicy take targetRefs (ambient is GA from 1.24), but the target is "
            + target.istioVersions()
            + "; set the Istio version (istio-version, ISTIO_VERSION) to 1.22 or later, or the"
            + " data plane to sidecar or auto");
  }

  /**
   * The leader election timings, checked against each other.
   *
   * @throws IllegalArgumentException when they are out of client-go's order
   */
  public LeaseTimings leaseTimings() {
    return new LeaseTimings(
        get(Settings.LEASE_DURATION).orElseThrow(),
        get(Settings.LEASE_RENEW_DEADLINE).orElseThrow(),
        get(Settings.LEASE_RETRY_PERIOD).orElseThrow());
  }

  @Override
  public String toString() {
    return program + given.toString();
  }

  /** Collects validated values; a later value of the same setting replaces an earlier one. */
  public static final class Builder {
    private final Program program;
    private final Map<Setting<?>, Object> given = new LinkedHashMap<>();

    private Builder(Program program) {
      this.program = program;
    }

    /**
     * The value of {@code setting} written as {@code text}; a blank text of a non-list setting
     * gives nothing.
     *
     * @throws InvalidSettingValue when the setting refuses it
     */
    public Builder text(Setting<?> setting, String text) {
      setting.read(text).ifPresent(v -> given.put(setting, v));
      return this;
    }

    /**
     * The value of a list setting given item by item.
     *
     * @throws InvalidSettingValue when the setting refuses an item
     */
    public Builder items(Setting<?> setting, List<String> items) {
      given.put(setting, setting.readItems(items));
      return this;
    }

    public SettingValues build() {
      return new SettingValues(program, given);
    }
  }
}
