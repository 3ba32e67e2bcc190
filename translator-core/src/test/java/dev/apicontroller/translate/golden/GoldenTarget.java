package dev.apicontroller.translate.golden;

import java.util.List;

/**
 * The targets every golden case is rendered for, each with the settings that choose it, written as
 * {@code apictl}'s {@code --config} keys ({@code key=value}) and read through the settings
 * registry. A case {@code golden/<case>.yaml} has one expected output per target beside it, {@code
 * golden/<case>.<suffix>.yaml}. Adding a target is adding one line here (each ends in a comma, the
 * semicolon stands alone), e.g. {@code V2("v2", "istio-version=1.40"),}; {@code GoldenTest} with
 * {@code -Dgolden.update=true} then writes its file for every case.
 */
public enum GoldenTarget {
  LEGACY("legacy", "istio-version=1.5"),
  V1BETA1("v1beta1", "istio-version=1.21"),
  V1("v1", "istio-version=1.24"),
  GATEWAY_API("gateway-api", "istio-version=1.24", "routes=gateway-api"),
  AMBIENT("ambient", "istio-version=1.24", "dataplane=ambient"),
  AMBIENT_GATEWAY_API(
      "ambient-gateway-api", "istio-version=1.24", "dataplane=ambient", "routes=gateway-api"),
  ;

  private final String suffix;
  private final List<String> settings;

  GoldenTarget(String suffix, String... settings) {
    this.suffix = suffix;
    this.settings = List.of(settings);
  }

  /** What the expected output file of this target is called: {@code <case>.<suffix>.yaml}. */
  public String suffix() {
    return suffix;
  }

  /** The settings that choose this target, {@code key=value}, given after the case's own. */
  public List<String> settings() {
    return settings;
  }
}
