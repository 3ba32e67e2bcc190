package dev.apicontroller.translate.istio.legacy;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.apicontroller.translate.Config;
import dev.apicontroller.translate.istio.CorsPolicy;
import java.util.List;

/** v1alpha3 {@code corsPolicy}: origins as plain strings. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@JsonPropertyOrder({"allowOrigin", "allowMethods", "allowHeaders"})
public record LegacyCorsPolicy(
    List<String> allowOrigin, List<String> allowMethods, List<String> allowHeaders)
    implements CorsPolicy {
  public LegacyCorsPolicy {
    allowOrigin = List.copyOf(allowOrigin);
    allowMethods = List.copyOf(allowMethods);
    allowHeaders = List.copyOf(allowHeaders);
  }

  public static LegacyCorsPolicy of(Config config) {
    return new LegacyCorsPolicy(
        config.corsAllowOrigin(), config.corsAllowMethods(), config.corsAllowHeaders());
  }
}
