package dev.apicontroller.cli;

import dev.apicontroller.cli.input.InputSet;
import dev.apicontroller.cli.input.ServiceSelector;
import dev.apicontroller.model.ApiStatus;
import dev.apicontroller.model.ResourceStatus;
import dev.apicontroller.model.StatusCode;
import dev.apicontroller.model.read.ApiDocument;
import dev.apicontroller.model.read.Problem;
import dev.apicontroller.model.read.SourceDocument;
import dev.apicontroller.translate.ApiTranslator;
import dev.apicontroller.translate.Config;
import dev.apicontroller.translate.Translation;
import dev.apicontroller.translate.conflict.ApiSetView;
import dev.apicontroller.translate.conflict.ClusterView;
import java.util.ArrayList;
import java.util.List;

/**
 * Translates a set of input {@code Api}s with the core, as the operator would in a cluster that
 * holds exactly those {@code Api}s and {@code Service}s (SPEC 4 decides conflicts among them), and
 * reports every problem at its place in the input.
 */
public final class InputTranslator {
  private InputTranslator() {}

  /** One entry per {@code Api} document, in input order; problems go to {@code diagnostics}. */
  public static List<TranslatedApi> translate(
      InputSet inputs, Config config, Diagnostics diagnostics) {
    List<ApiDocument> valid = inputs.validApis();
    ApiTranslator translator = new ApiTranslator(config);
    ClusterView cluster = view(valid, inputs.services(), config);
    List<TranslatedApi> out = new ArrayList<>(inputs.apis().size());
    for (ApiDocument doc : inputs.apis()) {
      SourceDocument source = doc.source();
      for (Problem p : doc.problems()) diagnostics.report(source.source(), p);
      if (doc.hasErrors()) {
        if (doc.problems().isEmpty()) {
          diagnostics.report(
              source.source(), Problem.error("", "cannot be read as an Api").at(source.start()));
        }
        reportRuleViolations(translator, doc, diagnostics);
        out.add(new TranslatedApi(doc, null));
        continue;
      }
      Translation t = translator.translate(doc.api(), cluster);
      boolean reportedError = false;
      for (Problem p : t.problems()) {
        Problem placed = p.position() != null ? p : p.at(source.positionOf(p.path()));
        diagnostics.report(source.source(), placed);
        reportedError |= p.isError();
      }
      if (!reportedError) {
        Problem conflict = conflictOf(t.status());
        if (conflict != null) {
          diagnostics.report(source.source(), conflict.at(source.positionOf(conflict.path())));
        }
      }
      out.add(new TranslatedApi(doc, t));
    }
    return out;
  }

  /**
   * A document with reading problems is not translated, but what could be read of it is still
   * checked against the rules of SPEC 2.1, so that one run names every problem. A rule broken only
   * because reading dropped a value (the problem lies within an object reading already complained
   * about) is left out: it would repeat the reading problem in other words.
   */
  private static void reportRuleViolations(
      ApiTranslator translator, ApiDocument doc, Diagnostics diagnostics) {
    if (doc.api() == null) return;
    SourceDocument source = doc.source();
    for (Problem p : translator.validate(doc.api())) {
      boolean repeats = doc.problems().stream().anyMatch(r -> within(p.path(), parentOf(r.path())));
      if (!repeats) diagnostics.report(source.source(), p.at(source.positionOf(p.path())));
    }
  }

  private static String parentOf(String path) {
    int cut = Math.max(path.lastIndexOf('.'), path.lastIndexOf('['));
    return cut <= 0 ? "" : path.substring(0, cut);
  }

  private static boolean within(String path, String ancestor) {
    return ancestor.isEmpty()
        || path.equals(ancestor)
        || path.startsWith(ancestor + ".")
        || path.startsWith(ancestor + "[");
  }

  /**
   * Only the input {@code Api}s and {@code Service}s are facts. Other objects among the inputs are
   * not: a folder that also holds earlier {@code render} output would otherwise see every {@code
   * Api}'s own objects as foreign ones (the CLI's {@code Api}s have no uid to prove ownership).
   */
  private static ClusterView view(
      List<ApiDocument> valid, List<ServiceSelector> services, Config config) {
    ApiSetView.Builder b = ApiSetView.builder(config);
    for (ApiDocument d : valid) b.api(d.api());
    for (ServiceSelector s : services) b.service(s.namespace(), s.name(), s.selector());
    return b.build();
  }

  /**
   * A failure the status shows but no problem names: a conflict with another input {@code Api}
   * (SPEC 4 and the service rule of 2.1). The CLI treats it as an error: exit 1.
   */
  static Problem conflictOf(ApiStatus status) {
    if (status == null) return null;
    if (status.validationStatus() == StatusCode.SERVICE_OCCUPIED.code()) {
      return Problem.error(
          "spec.service.name", lastErrorOr(status, "another Api targets the service"));
    }
    if (status.validationStatus() == StatusCode.ERROR.code()) {
      return Problem.error("", lastErrorOr(status, "invalid"));
    }
    for (ResourceStatus r : resources(status)) {
      if (r.code() == StatusCode.HOSTNAME_OCCUPIED.code()) {
        return Problem.error("spec.hostname", nonEmpty(r.lastError(), "hostname is in use"));
      }
      if (r.code() == StatusCode.ERROR.code()) {
        return Problem.error("metadata.name", nonEmpty(r.lastError(), "cannot be created"));
      }
    }
    return null;
  }

  private static List<ResourceStatus> resources(ApiStatus s) {
    List<ResourceStatus> list = new ArrayList<>(3);
    if (s.virtualServiceStatus() != null) list.add(s.virtualServiceStatus());
    if (s.authenticationStatus() != null) list.add(s.authenticationStatus());
    if (s.authorizationPolicyStatus() != null) list.add(s.authorizationPolicyStatus());
    return list;
  }

  private static String lastErrorOr(ApiStatus s, String fallback) {
    for (ResourceStatus r : resources(s)) {
      if (!r.lastError().isEmpty()) return r.lastError();
    }
    if (!s.conditions().isEmpty() && !s.conditions().get(0).message().isEmpty()) {
      return s.conditions().get(0).message();
    }
    return fallback;
  }

  private static String nonEmpty(String s, String fallback) {
    return s == null || s.isEmpty() ? fallback : s;
  }
}
