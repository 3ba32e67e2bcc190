package dev.apicontroller.cli.golden;

import dev.apicontroller.cli.output.ManifestWriter;
import dev.apicontroller.model.Api;
import dev.apicontroller.model.read.ApiDocument;
import dev.apicontroller.model.read.ApiReader;
import dev.apicontroller.model.read.DocumentReader;
import dev.apicontroller.model.read.Problem;
import dev.apicontroller.model.read.SourceDocument;
import dev.apicontroller.translate.Config;
import dev.apicontroller.translate.GatewayRef;
import dev.apicontroller.translate.ImmutableConfig;
import dev.apicontroller.translate.IstioTarget;
import dev.apicontroller.translate.Translation;
import dev.apicontroller.translate.conflict.ApiSetView;
import dev.apicontroller.translate.decide.ApiTranslator;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One golden input: an optional {@code # config: key=value; ...} first line, then YAML documents —
 * the {@code Api}s to translate (in order) and facts about the cluster ({@code v1 Service}s with
 * selectors, existing VirtualServices, Policies, ...). The output is every {@code Api}'s objects
 * followed by a {@code TranslationOutcome} document with its status and problems.
 */
final class GoldenCase {
  private GoldenCase() {}

  static String render(String name, String input, IstioTarget target) throws Exception {
    Config config = config(input, target);
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
      } else if (!view.document(doc.root())) {
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

  static Config config(String input, IstioTarget target) {
    ImmutableConfig.Builder b = Config.builder().target(target);
    String first = input.lines().findFirst().orElse("");
    if (!first.startsWith("# config:")) return b.build();
    for (String setting : first.substring("# config:".length()).split(";")) {
      if (setting.isBlank()) continue;
      int eq = setting.indexOf('=');
      String key = setting.substring(0, eq).trim();
      String value = setting.substring(eq + 1).trim();
      switch (key) {
        case "domain" -> b.domain(value);
        case "gateway" -> b.gateway(GatewayRef.parse(value));
        case "clusterDomain" -> b.clusterDomain(value);
        case "defaultIssuer" -> b.defaultIssuer(value);
        case "defaultJwksUri" -> b.defaultJwksUri(value);
        case "mtls" -> b.mtls(Boolean.parseBoolean(value));
        case "corsAllowOrigin" -> b.corsAllowOrigin(list(value));
        case "corsAllowMethods" -> b.corsAllowMethods(list(value));
        case "corsAllowHeaders" -> b.corsAllowHeaders(list(value));
        case "blocklist" -> b.blocklist(list(value));
        case "allowedDomains" -> b.allowedDomains(list(value));
        default -> throw new IllegalArgumentException("unknown golden config key " + key);
      }
    }
    return b.build();
  }

  private static List<String> list(String value) {
    return value.isEmpty() ? List.of() : Arrays.asList(value.split(","));
  }
}
