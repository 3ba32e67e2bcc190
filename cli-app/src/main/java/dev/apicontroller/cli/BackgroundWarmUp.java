package dev.apicontroller.cli;

import dev.apicontroller.cli.output.ManifestWriter;
import dev.apicontroller.model.read.ApiDocument;
import dev.apicontroller.model.read.ApiReader;
import dev.apicontroller.model.read.DocumentReader;
import dev.apicontroller.model.read.SourceDocument;
import dev.apicontroller.translate.Config;
import dev.apicontroller.translate.conflict.ClusterView;
import dev.apicontroller.translate.decide.ApiTranslator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Most of a small run's time is one-off setup: Jackson building its (de)serializers for the model
 * and the Istio objects, the CRD schema being read. A daemon thread does that setup on the second
 * core while the main thread parses the command line and reads the input; both use the same shared
 * mappers, so the main thread finds the work done (or waits for it, never repeats it).
 */
final class BackgroundWarmUp {
  private static final Set<String> READING_COMMANDS = Set.of("render", "validate", "status");

  private static final String SAMPLE =
      """
      apiVersion: gateway.kyma-project.io/v1alpha2
      kind: Api
      metadata: {name: warm-up, namespace: warm-up}
      spec:
        service: {name: warm-up, port: 80}
        hostname: warm-up
        authentication:
        - type: JWT
          jwt:
            issuer: https://warm-up
            jwksUri: https://warm-up/keys
            triggerRule: {excludedPaths: [{exact: /a}, {prefix: /b}]}
      """;

  // Once per JVM: when apictl runs embedded (tests, benchmarks), the second run finds it all set
  // up.
  private static final AtomicBoolean STARTED = new AtomicBoolean();

  private BackgroundWarmUp() {}

  /** Starts warming up when the command will read and translate manifests. */
  static void startFor(String[] args) {
    if (args.length == 0 || !READING_COMMANDS.contains(args[0])) return;
    if (Runtime.getRuntime().availableProcessors() < 2) return;
    if ("false".equals(System.getProperty("apictl.warmup"))) return;
    if (!STARTED.compareAndSet(false, true)) return;
    Thread t = new Thread(BackgroundWarmUp::run, "apictl-warm-up");
    t.setDaemon(true);
    t.start();
  }

  private static void run() {
    try {
      List<SourceDocument> docs = new DocumentReader().read("warm-up", SAMPLE);
      ApiDocument doc = new ApiReader().read(docs.get(0));
      if (doc.api() == null) return;
      var translation =
          new ApiTranslator(Config.defaults()).translate(doc.api(), ClusterView.EMPTY);
      ManifestWriter.toYaml(translation.objects());
    } catch (RuntimeException | Error | dev.apicontroller.model.read.UnreadableInputException e) {
      // Warming up is an optimization only; the real run reports any real problem.
    }
  }
}
