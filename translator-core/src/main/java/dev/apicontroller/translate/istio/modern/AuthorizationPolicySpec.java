package dev.apicontroller.translate.istio.modern;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.apicontroller.translate.IstioSpec;
import dev.apicontroller.translate.istio.WorkloadSelector;
import java.util.List;

/**
 * {@code spec} of a {@code security.istio.io/v1} AuthorizationPolicy (SPEC 3.4): for the workloads
 * of its selector (sidecar) or the waypoint of its {@code targetRefs} (ambient, SPEC 3.5).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"selector", "targetRefs", "action", "rules"})
public record AuthorizationPolicySpec(
    WorkloadSelector selector, String action, List<Rule> rules, List<PolicyTargetRef> targetRefs)
    implements IstioSpec {
  public static final String DENY = "DENY";

  /** Selecting workloads, as the sidecar data plane. */
  public AuthorizationPolicySpec(WorkloadSelector selector, String action, List<Rule> rules) {
    this(selector, action, rules, null);
  }

  /** {@code rules[]}: matches when one {@code from} and one {@code to} (if any) match. */
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  @JsonPropertyOrder({"from", "to"})
  public record Rule(List<From> from, List<To> to) {}

  /** {@code from[]: {source}}. */
  public record From(Source source) {}

  /** {@code source}: who sent the request, by JWT principal ({@code <iss>/<sub>}). */
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  @JsonPropertyOrder({"requestPrincipals", "notRequestPrincipals"})
  public record Source(List<String> requestPrincipals, List<String> notRequestPrincipals) {}

  /** {@code to[]: {operation}}. */
  public record To(Operation operation) {}

  /** {@code operation}: which paths, in Istio's exact / {@code p*} / {@code *s} syntax. */
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  @JsonPropertyOrder({"paths", "notPaths"})
  public record Operation(List<String> paths, List<String> notPaths) {}
}
