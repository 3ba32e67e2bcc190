package dev.apicontroller.cli;

import dev.apicontroller.translate.Config;
import dev.apicontroller.translate.ImmutableConfig;
import dev.apicontroller.translate.Profile;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * The translation settings as given on the command line or in a {@code --config} file; null means
 * "not given here". Layers combine with {@link #over}, and the spec's defaults fill what no layer
 * gives.
 */
public record Settings(
    String domain,
    String gateway,
    String clusterDomain,
    Profile profile,
    String defaultIssuer,
    String defaultJwksUri,
    Boolean mtls,
    List<String> corsAllowOrigin,
    List<String> corsAllowMethods,
    List<String> corsAllowHeaders,
    List<String> blocklist,
    List<String> allowedDomains) {

  public static final Settings NONE =
      new Settings(null, null, null, null, null, null, null, null, null, null, null, null);

  /** This layer, with {@code lower} filling what this one does not give. */
  public Settings over(Settings lower) {
    return new Settings(
        first(domain, lower.domain),
        first(gateway, lower.gateway),
        first(clusterDomain, lower.clusterDomain),
        first(profile, lower.profile),
        first(defaultIssuer, lower.defaultIssuer),
        first(defaultJwksUri, lower.defaultJwksUri),
        first(mtls, lower.mtls),
        first(corsAllowOrigin, lower.corsAllowOrigin),
        first(corsAllowMethods, lower.corsAllowMethods),
        first(corsAllowHeaders, lower.corsAllowHeaders),
        first(blocklist, lower.blocklist),
        first(allowedDomains, lower.allowedDomains));
  }

  /** The translator's configuration: these settings over the spec's defaults. */
  public Config toConfig() {
    ImmutableConfig.Builder b = Config.builder();
    if (domain != null) b.domain(domain);
    if (gateway != null) b.gateway(gateway);
    if (clusterDomain != null) b.clusterDomain(clusterDomain);
    if (profile != null) b.profile(profile);
    if (defaultIssuer != null && !defaultIssuer.isEmpty()) b.defaultIssuer(defaultIssuer);
    if (defaultJwksUri != null && !defaultJwksUri.isEmpty()) b.defaultJwksUri(defaultJwksUri);
    if (mtls != null) b.mtls(mtls);
    if (corsAllowOrigin != null) b.corsAllowOrigin(corsAllowOrigin);
    if (corsAllowMethods != null) b.corsAllowMethods(corsAllowMethods);
    if (corsAllowHeaders != null) b.corsAllowHeaders(corsAllowHeaders);
    if (blocklist != null) b.blocklist(new LinkedHashSet<>(blocklist));
    if (allowedDomains != null) b.allowedDomains(allowedDomains);
    return b.build();
  }

  /** A comma list as flags and the environment write it; the empty string is the empty list. */
  public static List<String> commaList(String value) {
    if (value == null) return null;
    return Arrays.stream(value.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
  }

  private static <T> T first(T a, T b) {
    return a != null ? a : b;
  }
}
