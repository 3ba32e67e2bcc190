package dev.apicontroller.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.apicontroller.cli.output.ManifestWriter;
import dev.apicontroller.model.read.ApiDocument;
import dev.apicontroller.model.read.ApiReader;
import dev.apicontroller.model.read.DocumentReader;
import dev.apicontroller.model.read.SourceDocument;
import dev.apicontroller.translate.GeneratedObject;
import java.io.Writer;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Where {@link RenderBenchmark}'s render time goes, phase by phase, single-threaded, next to the
 * floor's read (its write is the last phase: the same objects, the same writer). Minimum of the
 * rounds after as many warm-up rounds, in CPU time of the one thread that does the work.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar dev.apicontroller.bench.RenderPhases [apis] [rounds]
 * </pre>
 */
public final class RenderPhases {
  private static final String[] PHASES = {
    "DocumentReader (YAML, positions, limits)",
    "ApiReader (binding + schema check)",
    "ApiSetView + ApiTranslator",
    "ManifestWriter.writeYaml (= floor write)",
    "floor: Jackson tree read of the input"
  };

  /** CPU time of this thread: on a shared machine, wall time mostly measures the others. */
  private static final ThreadMXBean THREAD = ManagementFactory.getThreadMXBean();

  private RenderPhases() {}

  public static void main(String[] args) throws Exception {
    int apis = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 8;
    String text = RenderBenchmark.generate(apis);
    YAMLMapper plain = new YAMLMapper();
    long[] best = new long[PHASES.length];
    Arrays.fill(best, Long.MAX_VALUE);
    for (int round = 0; round < 2 * rounds; round++) {
      long[] t = new long[PHASES.length + 1];
      t[0] = THREAD.getCurrentThreadCpuTime();
      List<SourceDocument> documents = new DocumentReader().read("in.yaml", text);
      t[1] = THREAD.getCurrentThreadCpuTime();
      ApiReader binder = new ApiReader();
      List<ApiDocument> read = new ArrayList<>();
      for (SourceDocument d : documents) read.add(binder.read(d));
      t[2] = THREAD.getCurrentThreadCpuTime();
      List<GeneratedObject> objects = RenderBenchmark.translateAll(read);
      t[3] = THREAD.getCurrentThreadCpuTime();
      ManifestWriter.writeYaml(objects, Writer.nullWriter());
      t[4] = THREAD.getCurrentThreadCpuTime();
      try (MappingIterator<JsonNode> it = plain.readerFor(JsonNode.class).readValues(text)) {
        while (it.hasNext()) it.next();
      }
      t[5] = THREAD.getCurrentThreadCpuTime();
      if (round >= rounds) {
        for (int i = 0; i < PHASES.length; i++) best[i] = Math.min(best[i], t[i + 1] - t[i]);
      }
    }
    System.out.printf(
        "%d Apis, thread CPU time, minimum of %d rounds after %d warm-up rounds%n",
        apis, rounds, rounds);
    for (int i = 0; i < PHASES.length; i++) {
      System.out.printf("%-42s %6.0f ms%n", PHASES[i], best[i] / 1e6);
    }
  }
}
