package dev.apicontroller.cli.golden;

import dev.apicontroller.cli.output.ManifestWriter;
import dev.apicontroller.model.Api;
import dev.apicontroller.model.read.ApiDocument;
import dev.apicontroller.model.read.ApiReader;
import dev.apicontroller.model.read.DocumentReader;
import dev.apicontroller.model.read.Problem;
import dev.apicontroller.model.read.SourceDocument;
import dev.apicontroller.translate.Config;
import dev.apicontroller.translate.Translation;
import dev.apicontroller.translate.conflict.ApiSetView;
import dev.apicontroller.translate.conflict.ClusterFacts;
import dev.apicontroller.translate.decide.ApiTranslator;
import dev.apicontroller.translate.golden.GoldenFiles;
import dev.apicontroller.translate.golden.GoldenTarget;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One golden input ({@link GoldenFiles}): an optional {@code # config: key=value; ...} first line,
 * the case's settings, then YAML documents — the {@code Api}s to translate (in order) and facts
 * about the cluster ({@code v1 Service}s with selectors, existing VirtualServices, Policies, ...).
 * The output is every {@code Api}'s objects followed by a {@code TranslationOutcome} document with
 * its status and problems.
 */
final class GoldenCase {
  private GoldenCase() {}

  static String render(String name, String input, GoldenTarget target) throws Exception {
    Config config = GoldenFiles.settings(name, input, target).config();
    ApiTranslator translator = new ApiTranslator(config);
    ApiSetView.Builder view = ApiSetView.builder(config);
    List<Api> apis = new ArrayList<>();
    ApiReader reader = new ApiReader();
    for (SourceDocument doc : new DocumentReader().read(name, input)) {
      if (ApiReader.isApi(doc)) {
        ApiDocument read = reader.read(doc);
        if (!read.problems().isEmpty()) {
          throw new IllegalStateException(name + ": input Api does not read: " + read.problems());
        }
        apis.add(read.api());
        view.api(read.api());
      } else if (!ClusterFacts.record(view, doc.root())) {
        throw new IllegalStateException(name + ": document " + doc.index() + " is not a fact");
      }
    }
    ApiSetView cluster = view.build();
    List<Object> out = new ArrayList<>();
    for (Api api : apis) {
      Translation t = translator.translate(api, cluster);
      out.addAll(t.objects());
      Map<String, Object> outcome = new LinkedHashMap<>();
      outcome.put("kind", "TranslationOutcome");
      outcome.put("api", api.qualifiedName());
      outcome.put("pruneUndesired", t.pruneUndesired());
      outcome.put("status", t.status());
      List<String> problems = new ArrayList<>();
      for (Problem p : t.problems()) problems.add(p.severity().label() + ": " + p.describe());
      outcome.put("problems", problems);
      out.add(outcome);
    }
    return ManifestWriter.toYaml(out);
  }
}
