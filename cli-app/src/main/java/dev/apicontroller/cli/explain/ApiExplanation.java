package dev.apicontroller.cli.explain;

import dev.apicontroller.translate.Profile;
import dev.apicontroller.translate.access.AccessRequest;
import dev.apicontroller.translate.access.Decision;
import dev.apicontroller.translate.auth.Exclusion;
import dev.apicontroller.translate.auth.Origin;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One {@code Api}'s answer to one request: which origins the path triggers, the decision of each
 * evaluated profile with its reason and HTTP status, and, with both profiles, why they differ.
 *
 * @param decisions per evaluated profile, in evaluation order
 * @param notes sentences about how the answer was reached (assumptions)
 */
public record ApiExplanation(
    String api,
    String host,
    List<Origin> origins,
    AccessRequest request,
    Map<Profile, Decision> decisions,
    List<String> notes) {
  public ApiExplanation {
    origins = List.copyOf(origins);
    notes = List.copyOf(notes);
  }

  public boolean denied() {
    return decisions.values().stream().anyMatch(d -> !d.allowed());
  }

  public List<String> differences() {
    Decision legacy = decisions.get(Profile.LEGACY);
    Decision modern = decisions.get(Profile.MODERN);
    if (legacy == null || modern == null) return List.of();
    return ProfileDifference.between(legacy, modern, origins, request);
  }

  public void print(PrintWriter out) {
    out.println();
    out.println("Api " + api + "   host " + host + "   path " + request.path());
    if (origins.isEmpty()) {
      out.println(
          "  origins    none: the Api has no effective authentication, the service is open");
    }
    for (int i = 0; i < origins.size(); i++) {
      Origin o = origins.get(i);
      out.println("  origin " + (i + 1) + "   " + o.issuer() + "   " + trigger(o, request.path()));
    }
    for (String note : notes) out.println("  note       " + note);
    List<String[]> rows = new ArrayList<>();
    rows.add(new String[] {"PROFILE", "RESULT", "STATUS", "REASON"});
    decisions.forEach(
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
    List<String> differences = differences();
    if (differences.isEmpty() && decisions.size() > 1) {
      out.println("  difference none: both profiles decide alike");
    } else if (!differences.isEmpty()) {
      out.println("  difference " + differences.get(0));
      for (String cause : differences.subList(1, differences.size())) {
        out.println("    - " + cause);
      }
    }
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
