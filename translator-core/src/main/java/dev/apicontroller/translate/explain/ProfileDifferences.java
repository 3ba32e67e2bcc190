package dev.apicontroller.translate.explain;

import dev.apicontroller.model.MatchKind;
import dev.apicontroller.translate.access.AccessRequest;
import dev.apicontroller.translate.access.Decision;
import dev.apicontroller.translate.auth.Exclusion;
import dev.apicontroller.translate.auth.Origin;
import dev.apicontroller.translate.explain.ProfileDifference.Cause;
import java.util.ArrayList;
import java.util.List;

/** Which documented differences of SPEC 3.4 cause two decisions of one request to differ. */
final class ProfileDifferences {
  private ProfileDifferences() {}

  static List<ProfileDifference> between(
      Decision legacy, Decision modern, List<Origin> origins, AccessRequest request) {
    List<ProfileDifference> out = new ArrayList<>();
    if (legacy.allowed() && !modern.allowed() && request.token() == null) {
      for (Origin o : origins) {
        Exclusion e = o.exclusionMatching(request.path());
        if (e != null && e.kind() == MatchKind.REGEX) {
          out.add(new ProfileDifference(Cause.REGEX_EXCLUSION_DROPPED, o, e));
        }
      }
    }
    if (request.token() == null && legacy.httpStatus() == 401 && modern.httpStatus() == 403) {
      out.add(ProfileDifference.of(Cause.MISSING_TOKEN_FORBIDDEN));
    }
    if (request.token() != null && legacy.allowed() && modern.httpStatus() == 401) {
      out.add(
          ProfileDifference.of(
              request.token().valid()
                  ? Cause.UNKNOWN_ISSUER_REJECTED
                  : Cause.INVALID_TOKEN_REJECTED));
    }
    return out;
  }
}
