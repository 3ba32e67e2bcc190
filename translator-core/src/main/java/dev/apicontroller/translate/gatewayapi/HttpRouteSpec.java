package dev.apicontroller.translate.gatewayapi;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.apicontroller.translate.IstioSpec;
import java.util.List;

/**
 * {@code spec} of a {@code gateway.networking.k8s.io/v1} HTTPRoute (SPEC 3.5), in the field names
 * of Gateway API v1.6.3's standard CRD. Every list of it is atomic on the server, which stores it
 * whole with the defaults it fills in; the values the API server would default inside them ({@code
 * group}, {@code kind}, {@code weight}, the CORS {@code maxAge}) are written out, so that the
 * applied route equals the stored one and a reconcile that changes nothing writes nothing.
 */
@JsonPropertyOrder({"parentRefs", "hostnames", "rules"})
public record HttpRouteSpec(
    List<ParentReference> parentRefs, List<String> hostnames, List<RouteRule> rules)
    implements IstioSpec {
  public static final String GROUP = "gateway.networking.k8s.io";
  public static final String PATH_PREFIX = "PathPrefix";
  public static final String CORS = "CORS";

  public HttpRouteSpec {
    parentRefs = List.copyOf(parentRefs);
    hostnames = List.copyOf(hostnames);
    rules = List.copyOf(rules);
  }

  /** {@code parentRefs[]}: the Gateway; no namespace means the route's own. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  @JsonPropertyOrder({"group", "kind", "namespace", "name"})
  public record ParentReference(String group, String kind, String namespace, String name) {}

  /** {@code rules[]}: which requests, what is done to them, where they go. */
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  @JsonPropertyOrder({"matches", "filters", "backendRefs"})
  public record RouteRule(
      List<RouteMatch> matches, List<RouteFilter> filters, List<BackendRef> backendRefs) {
    public RouteRule {
      matches = List.copyOf(matches);
      filters = List.copyOf(filters);
      backendRefs = List.copyOf(backendRefs);
    }
  }

  /** {@code matches[]}: by path only. */
  public record RouteMatch(PathMatch path) {}

  /** {@code path: {type, value}}. */
  @JsonPropertyOrder({"type", "value"})
  public record PathMatch(String type, String value) {}

  /** {@code filters[]}: only the {@code CORS} filter is written. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  @JsonPropertyOrder({"type", "cors"})
  public record RouteFilter(String type, CorsFilter cors) {}

  /** {@code filters[].cors} (Gateway API's {@code HTTPCORSFilter}). */
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  @JsonPropertyOrder({"allowOrigins", "allowMethods", "allowHeaders", "maxAge"})
  public record CorsFilter(
      List<String> allowOrigins, List<String> allowMethods, List<String> allowHeaders, int maxAge) {
    /** The API server's default {@code maxAge}, in seconds. */
    public static final int DEFAULT_MAX_AGE = 5;
  }

  /** {@code backendRefs[]}: a Service (core group) and its port. */
  @JsonPropertyOrder({"group", "kind", "name", "port", "weight"})
  public record BackendRef(String group, String kind, String name, int port, int weight) {
    public static BackendRef service(String name, int port) {
      return new BackendRef("", "Service", name, port, 1);
    }
  }
}
