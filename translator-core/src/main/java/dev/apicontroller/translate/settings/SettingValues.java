package dev.apicontroller.translate.settings;

import dev.apicontroller.translate.Config;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
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

  public Program program() {
    return program;
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

  /** The translation settings (SPEC 3). */
  public Config config() {
    return Config.builder()
        .domain(get(Settings.DOMAIN).orElseThrow())
        .gateway(get(Settings.GATEWAY).orElseThrow())
        .clusterDomain(get(Settings.CLUSTER_DOMAIN).orElseThrow())
        .profile(get(Settings.PROFILE).orElseThrow())
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
  public boolean equals(Object o) {
    return o instanceof SettingValues v && v.program == program && v.given.equals(given);
  }

  @Override
  public int hashCode() {
    return program.hashCode() * 31 + given.hashCode();
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
    public Builder items(Setting<?> setting, java.util.List<String> items) {
      given.put(setting, setting.readItems(items));
      return this;
    }

    public SettingValues build() {
      return new SettingValues(program, given);
    }
  }
}
