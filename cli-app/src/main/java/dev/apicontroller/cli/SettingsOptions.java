package dev.apicontroller.cli;

import dev.apicontroller.model.read.DocumentReader;
import dev.apicontroller.translate.Config;
import dev.apicontroller.translate.Profile;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/**
 * The translation settings of SPEC 3 as flags. Each can also be set in a {@code --config} file; a
 * flag wins over the file, the file over the default.
 */
public final class SettingsOptions {
  @Option(
      names = "--config",
      paramLabel = "FILE",
      description = "YAML file with settings (keys are the long flag names without --).")
  Path config;

  @Option(
      names = "--domain",
      paramLabel = "DOMAIN",
      description = "Domain of hostnames (DOMAIN_NAME). Default: kyma.local.")
  String domain;

  @Option(
      names = "--gateway",
      paramLabel = "FQDN",
      description =
          "Istio gateway the VirtualServices bind to (GATEWAY_FQDN). Default:"
              + " kyma-gateway.kyma-system.svc.cluster.local.")
  String gateway;

  @Option(
      names = "--cluster-domain",
      paramLabel = "DOMAIN",
      description =
          "Cluster DNS domain of destination hosts (CLUSTER_DOMAIN). Default: cluster.local.")
  String clusterDomain;

  @Option(
      names = "--profile",
      paramLabel = "legacy|modern",
      converter = ProfileConverter.class,
      description = "Istio API to write for (ISTIO_PROFILE). Default: legacy.")
  Profile profile;

  @Option(
      names = "--default-issuer",
      paramLabel = "URL",
      description = "Issuer for authenticationEnabled: true without items (DEFAULT_ISSUER).")
  String defaultIssuer;

  @Option(
      names = "--default-jwks-uri",
      paramLabel = "URL",
      description = "JWKS URI for authenticationEnabled: true without items (DEFAULT_JWKS_URI).")
  String defaultJwksUri;

  @Option(
      names = "--mtls",
      negatable = true,
      description = "Require mutual TLS between workloads (ENABLE_MTLS). Default: --mtls.")
  Boolean mtls;

  @Option(
      names = "--cors-allow-origin",
      paramLabel = "LIST",
      description = "Comma list; empty for none (CORS_ALLOW_ORIGIN). Default: *.")
  String corsAllowOrigin;

  @Option(
      names = "--cors-allow-methods",
      paramLabel = "LIST",
      description =
          "Comma list; empty for none (CORS_ALLOW_METHODS). Default: GET,POST,PUT,DELETE.")
  String corsAllowMethods;

  @Option(
      names = "--cors-allow-headers",
      paramLabel = "LIST",
      description =
          "Comma list; empty for none (CORS_ALLOW_HEADERS). Default: Authorization,Content-Type,*.")
  String corsAllowHeaders;

  @Option(
      names = "--blocklist",
      paramLabel = "LIST",
      description =
          "Comma list of service.namespace that may not be exposed (BLACKLISTED_SERVICES)."
              + " Default: kubernetes.default,kube-dns.kube-system.")
  String blocklist;

  @Option(
      names = "--allowed-domain",
      paramLabel = "DOMAIN",
      description = "Extra domain a hostname may use; repeatable.")
  List<String> allowedDomains;

  /** The settings given as flags. */
  Settings flags() {
    return new Settings(
        domain,
        gateway,
        clusterDomain,
        profile,
        defaultIssuer,
        defaultJwksUri,
        mtls,
        Settings.commaList(corsAllowOrigin),
        Settings.commaList(corsAllowMethods),
        Settings.commaList(corsAllowHeaders),
        Settings.commaList(blocklist),
        allowedDomains);
  }

  /** Flags over the config file over the defaults. */
  public Config resolve(DocumentReader reader) throws SettingsFile.Invalid {
    Settings file = config == null ? Settings.NONE : SettingsFile.read(config, reader);
    return flags().over(file).toConfig();
  }

  /** {@code legacy} or {@code modern}, in any case. */
  static final class ProfileConverter implements ITypeConverter<Profile> {
    @Override
    public Profile convert(String value) {
      try {
        return Profile.parse(value);
      } catch (IllegalArgumentException e) {
        throw new TypeConversionException(e.getMessage());
      }
    }
  }
}
