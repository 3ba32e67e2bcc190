package dev.apicontroller.cli;

import dev.apicontroller.cli.input.InputSet;
import dev.apicontroller.model.read.ApiDocument;
import dev.apicontroller.model.read.DocumentPlace;
import dev.apicontroller.model.read.Problem;
import dev.apicontroller.model.read.ProblemCode;
import dev.apicontroller.translate.Config;
import dev.apicontroller.translate.Translation;
import dev.apicontroller.translate.conflict.ApiSetView;
import dev.apicontroller.translate.conflict.ClusterView;
import dev.apicontroller.translate.decide.ApiTranslator;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Translates a set of input {@code Api}s with the core, as the operator would in a cluster that
 * holds exactly those {@code Api}s, {@code Service}s and {@code Namespace}s (SPEC 4 decides
 * conflicts among them; Namespace and Service labels the data plane, SPEC 3.5), and reports every
 * problem at its place in the input.
 */
public final class InputTranslator {
  private InputTranslator() {}

  /** One entry per {@code Api} document, in input order; problems go to {@code diagnostics}. */
  public static List<TranslatedApi> translate(
      InputSet inputs, Config config, Diagnostics diagnostics) {
    List<TranslatedApi> out = new ArrayList<>(inputs.apis().size());
    translate(inputs, config, diagnostics, out::add);
    return out;
  }

  /**
   * Hands each {@code Api} document's result to {@code each} as soon as it is decided, in input
   * order; problems go to {@code diagnostics}.
   */
  public static void translate(
      InputSet inputs, Config config, Diagnostics diagnostics, Consumer<TranslatedApi> each) {
    List<ApiDocument> valid = inputs.validApis();
    ApiTranslator translator = new ApiTranslator(config);
    ClusterView cluster = view(valid, inputs, translator);
    for (InputSet.Rejected r : inputs.rejected())
      diagnostics.report(r.source().source(), r.problem());
    for (ApiDocument doc : inputs.apis()) {
      DocumentPlace source = doc.source();
      for (Problem p : doc.problems()) diagnostics.report(source.source(), p);
      if (doc.hasErrors()) {
        if (doc.problems().isEmpty()) {
          diagnostics.report(
              source.source(),
              Problem.error(ProblemCode.NOT_AN_API, "", "cannot be read as an Api")
                  .at(source.start()));
        }
        reportRuleViolations(translator, doc, diagnostics);
        each.accept(new TranslatedApi(doc, null));
        continue;
      }
      Translation t = translator.translate(doc.api(), cluster);
      boolean reportedError = false;
      for (Problem p : t.problems()) {
        Problem placed = p.position() != null ? p : p.at(source.positionOf(p.path()));
        if (p.code() == ProblemCode.SERVICE_NOT_FOUND) placed = withOfflineFixes(placed, doc);
        diagnostics.report(source.source(), placed);
        reportedError |= p.isError();
      }
      // A conflict keeps the Api from being applied: an error (exit 1), named once.
      if (!reportedError && !t.conflicts().isEmpty()) {
        Problem conflict = t.conflicts().get(0).problem();
        diagnostics.report(source.source(), conflict.at(source.positionOf(conflict.path())));
      }
      each.accept(new TranslatedApi(doc, t));
    }
  }

  /**
   * The core's message says what to do in a cluster; offline the Service can be given two ways, and
   * the message names both.
   */
  private static Problem withOfflineFixes(Problem p, ApiDocument doc) {
    String service =
        doc.api().metadata().namespaceOrDefault() + "/" + doc.api().spec().service().name();
    return new Problem(
        p.severity(),
        p.code(),
        p.path(),
        p.message()
            + " Offline: add the Service manifest to the inputs, or give its selector with"
            + " --service-selector "
            + service
            + "=app="
            + doc.api().spec().service().name()
            + " (the Service's spec.selector).",
        p.position());
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
    DocumentPlace source = doc.source();
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
      List<ApiDocument> valid, InputSet inputs, ApiTranslator translator) {
    // The translator's own hostname rule: the view keys Apis by the hosts the translator decides.
    ApiSetView.Builder b = inputs.addFactsTo(ApiSetView.builder(translator.hostnames()));
    for (ApiDocument d : valid) b.api(d.api());
    return b.build();
  }
}
