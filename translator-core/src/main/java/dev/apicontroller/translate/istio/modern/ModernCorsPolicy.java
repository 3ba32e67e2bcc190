package dev.apicontroller.translate.istio.modern;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.apicontroller.translate.Config;
import dev.apicontroller.translate.istio.CorsPolicy;
import java.util.List;

/** v1 {@code corsPolicy}: origins as StringMatch, {@code *} written as {@code {regex: .*}}. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@JsonPropertyOrder({"allowOrigins", "allowMethods", "allowHeaders"})
public record ModernCorsPolicy(
    List<StringMatch> allowOrigins, List<String> allowMethods, List<String> allowHeaders)
    implements CorsPolicy {

  /** Istio's {@code StringMatch}: exactly one of the two is set. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  @JsonPropertyOrder({"exact", "regex"})
  public record StringMatch(String exact, String regex) {
    public static StringMatch ofOrigin(String origin) {
      return "*".equals(origin) ? new StringMatch(null, ".*") : new StringMatch(origin, null);
    }
  }

  public static ModernCorsPolicy of(Config config) {
    return new ModernCorsPolicy(
        config.corsAllowOrigin().stream().map(StringMatch::ofOrigin).toList(),
        List.copyOf(config.corsAllowMethods()),
        List.copyOf(config.corsAllowHeaders()));
  }
}
