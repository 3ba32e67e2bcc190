package dev.apicontroller.translate.explain;

import dev.apicontroller.translate.Profile;
import dev.apicontroller.translate.access.AccessRequest;
import dev.apicontroller.translate.access.Decision;
import dev.apicontroller.translate.auth.Origin;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One {@code Api}'s answer to one request: the origins, the decision of each evaluated profile
 * (target), and, with both profiles, the documented causes of their difference; or why there is
 * nothing to explain.
 *
 * @param api {@code namespace/name}
 * @param host the full host, empty when the hostname is not allowed
 * @param decisions per evaluated profile, in evaluation order; empty when {@code unexplained}
 * @param standIns the stand-in Services the decisions assumed
 * @param unexplained why no request reaches the {@code Api}, or null
 */
public record Explanation(
    String api,
    String host,
    List<Origin> origins,
    AccessRequest request,
    Map<Profile, Decision> decisions,
    List<StandInService> standIns,
    Unexplained unexplained) {
  public Explanation {
    origins = List.copyOf(origins);
    decisions = Collections.unmodifiableMap(new LinkedHashMap<>(decisions));
    standIns = List.copyOf(standIns);
  }

  public boolean explained() {
    return unexplained == null;
  }

  public boolean denied() {
    return decisions.values().stream().anyMatch(d -> !d.allowed());
  }

  /** Whether both profiles were evaluated and decide differently (allowed, or HTTP status). */
  public boolean profilesDiffer() {
    Decision legacy = decisions.get(Profile.LEGACY);
    Decision modern = decisions.get(Profile.MODERN);
    return legacy != null
        && modern != null
        && (legacy.allowed() != modern.allowed() || legacy.httpStatus() != modern.httpStatus());
  }

  /** The documented causes of the difference that apply; empty when the profiles decide alike. */
  public List<ProfileDifference> differences() {
    if (!profilesDiffer()) return List.of();
    return ProfileDifferences.between(
        decisions.get(Profile.LEGACY), decisions.get(Profile.MODERN), origins, request);
  }
}
