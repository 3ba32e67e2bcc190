package dev.apicontroller.cli.explain;

import dev.apicontroller.model.MatchKind;
import dev.apicontroller.translate.access.AccessRequest;
import dev.apicontroller.translate.access.Decision;
import dev.apicontroller.translate.auth.Exclusion;
import dev.apicontroller.translate.auth.Origin;
import java.util.ArrayList;
import java.util.List;

/**
 * Why the legacy and modern profiles decide one request differently: the documented differences of
 * SPEC 3.4 (regex exclusions dropped, 403 for a missing token, invalid tokens rejected on excluded
 * paths), named when they are the cause.
 */
public final class ProfileDifference {
  private ProfileDifference() {}

  /** Empty when both decide alike; else a headline and the causes that apply. */
  public static List<String> between(
      Decision legacy, Decision modern, List<Origin> origins, AccessRequest request) {
    if (legacy.allowed() == modern.allowed() && legacy.httpStatus() == modern.httpStatus()) {
      return List.of();
    }
    List<String> out = new ArrayList<>();
    out.add("legacy " + verdict(legacy) + ", modern " + verdict(modern));
    String path = request.path();
    if (legacy.allowed() && !modern.allowed() && request.token() == null) {
      for (Origin o : origins) {
        Exclusion e = o.exclusionMatching(path);
        if (e != null && e.kind() == MatchKind.REGEX) {
          out.add(
              "the regex exclusion "
                  + e.value()
                  + " of origin "
                  + o.issuer()
                  + " cannot be expressed in an AuthorizationPolicy: the modern profile drops it,"
                  + " so "
                  + path
                  + " needs a token there (fail closed)");
        }
      }
    }
    if (request.token() == null && legacy.httpStatus() == 401 && modern.httpStatus() == 403) {
      out.add(
          "a request without a token gets 403 from the modern profile's DENY"
              + " AuthorizationPolicy, 401 from the legacy Policy");
    }
    if (request.token() != null && legacy.allowed() && modern.httpStatus() == 401) {
      out.add(
          request.token().valid()
              ? "the modern profile's RequestAuthentication rejects a token of an issuer it does"
                  + " not know on every path; the legacy Policy ignores tokens where no origin is"
                  + " triggered"
              : "the modern profile's RequestAuthentication rejects an invalid token on every path,"
                  + " even an excluded one; the legacy Policy ignores tokens where no origin is"
                  + " triggered");
    }
    return out;
  }

  static String verdict(Decision d) {
    return (d.allowed() ? "allows" : "denies") + " (" + d.httpStatus() + ")";
  }
}
