package dev.apicontroller.cli.explain;

import dev.apicontroller.translate.Profile;
import dev.apicontroller.translate.access.Decision;
import dev.apicontroller.translate.auth.Exclusion;
import dev.apicontroller.translate.auth.Origin;
import dev.apicontroller.translate.explain.Explanation;
import dev.apicontroller.translate.explain.ProfileDifference;
import dev.apicontroller.translate.explain.StandInService;
import dev.apicontroller.translate.explain.Unexplained;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/** Prints the core's {@link Explanation} of one {@code Api} as {@code apictl explain} shows it. */
public final class ExplanationReport {
  private ExplanationReport() {}

  public static void print(Explanation e, PrintWriter out) {
    out.println();
    if (!e.explained()) {
      out.println("Api " + e.api() + "   not explained: " + why(e.unexplained()));
      return;
    }
    String path = e.request().path();
    out.println(
        "Api "
            + e.api()
            + "   host "
            + e.host()
            + "   path "
            + path
            + (e.request().normalized() ? " (normalized from " + e.request().target() + ")" : ""));
    if (e.origins().isEmpty()) {
      out.println(
          "  origins    none: the Api has no effective authentication, the service is open");
    }
    for (int i = 0; i < e.origins().size(); i++) {
      Origin o = e.origins().get(i);
      out.println("  origin " + (i + 1) + "   " + o.issuer() + "   " + trigger(o, path));
    }
    for (StandInService s : e.standIns()) {
      out.println(
          "  note       no Service "
              + s.namespace()
              + "/"
              + s.name()
              + " among the inputs: the modern objects were rendered with a stand-in selector"
              + " (the decision does not depend on it)");
    }
    List<String[]> rows = new ArrayList<>();
    rows.add(new String[] {"PROFILE", "RESULT", "STATUS", "REASON"});
    e.decisions()
        .forEach(
            (profile, d) ->
                rows.add(
                    new String[] {
                      profile.wireName(),
                      d.allowed() ? "allowed" : "denied",
                      String.valueOf(d.httpStatus()),
                      d.reason()
                    }));
    for (String[] r : rows) {
      out.println(("  " + String.format("%-9s %-8s %-7s %s", (Object[]) r)).stripTrailing());
    }
    if (e.profilesDiffer()) {
      out.println(
          "  difference legacy "
              + verdict(e.decisions().get(Profile.LEGACY))
              + ", modern "
              + verdict(e.decisions().get(Profile.MODERN)));
      for (ProfileDifference d : e.differences()) out.println("    - " + cause(d, path));
    } else if (e.decisions().size() > 1) {
      out.println("  difference none: both profiles decide alike");
    }
  }

  static String why(Unexplained u) {
    return switch (u.reason()) {
      case INVALID ->
          u.error() == null
              ? "it is invalid (see the errors above)"
              : "it is invalid: " + u.error().describe();
      case NOT_EXPOSED ->
          "it is not exposed under the "
              + u.profile().wireName()
              + " profile"
              + (u.conflict() == null ? "" : ": " + u.conflict().message());
    };
  }

  static String cause(ProfileDifference d, String path) {
    return switch (d.cause()) {
      case REGEX_EXCLUSION_DROPPED ->
          "the regex exclusion "
              + d.exclusion().value()
              + " of origin "
              + d.origin().issuer()
              + " cannot be expressed in an AuthorizationPolicy: the modern profile drops it, so "
              + path
              + " needs a token there (fail closed)";
      case MISSING_TOKEN_FORBIDDEN ->
          "a request without a token gets 403 from the modern profile's DENY"
              + " AuthorizationPolicy, 401 from the legacy Policy";
      case UNKNOWN_ISSUER_REJECTED ->
          "the modern profile's RequestAuthentication rejects a token of an issuer it does not"
              + " know on every path; the legacy Policy ignores tokens where no origin is"
              + " triggered";
      case INVALID_TOKEN_REJECTED ->
          "the modern profile's RequestAuthentication rejects an invalid token on every path,"
              + " even an excluded one; the legacy Policy ignores tokens where no origin is"
              + " triggered";
    };
  }

  private static String verdict(Decision d) {
    return (d.allowed() ? "allows" : "denies") + " (" + d.httpStatus() + ")";
  }

  private static String trigger(Origin o, String path) {
    Exclusion e = o.exclusionMatching(path);
    if (e == null) {
      return o.exclusions().isEmpty()
          ? "triggered (no excludedPaths)"
          : "triggered (no excludedPaths item matches)";
    }
    return "not triggered: excluded by " + e.kind().wireName() + " " + e.value();
  }
}
