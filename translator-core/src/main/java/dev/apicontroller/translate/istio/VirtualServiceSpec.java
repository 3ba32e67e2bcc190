package dev.apicontroller.translate.istio;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.apicontroller.translate.IstioSpec;
import java.util.List;

/** {@code spec} of a VirtualService (SPEC 3.1), the same shape in v1alpha3 and v1. */
@JsonPropertyOrder({"hosts", "gateways", "http"})
public record VirtualServiceSpec(List<String> hosts, List<String> gateways, List<HttpRoute> http)
    implements IstioSpec {

  /** One {@code http[]} route. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  @JsonPropertyOrder({"match", "route", "corsPolicy"})
  public record HttpRoute(
      List<HttpMatchRequest> match, List<RouteDestination> route, CorsPolicy corsPolicy) {}

  /** {@code match[]}: the generated route matches every URI. */
  public record HttpMatchRequest(UriMatch uri) {}

  /** {@code uri: {regex: ...}}. */
  public record UriMatch(String regex) {}

  /** {@code route[]}. */
  public record RouteDestination(Destination destination) {}

  /** {@code destination: {host, port: {number}}}. */
  @JsonPropertyOrder({"host", "port"})
  public record Destination(String host, PortSelector port) {}

  /** {@code port: {number}}. */
  public record PortSelector(int number) {}
}
