package dev.apicontroller.bench;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.apicontroller.cli.Apictl;
import dev.apicontroller.cli.output.ManifestWriter;
import dev.apicontroller.model.read.ApiDocument;
import dev.apicontroller.model.read.ApiReader;
import dev.apicontroller.model.read.DocumentReader;
import dev.apicontroller.model.read.SourceDocument;
import dev.apicontroller.translate.Config;
import dev.apicontroller.translate.GeneratedObject;
import dev.apicontroller.translate.conflict.ApiSetView;
import dev.apicontroller.translate.conflict.ClusterView;
import dev.apicontroller.translate.decide.ApiTranslator;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Reader;
import java.io.StringWriter;
import java.io.Writer;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * {@code apictl render} of generated {@code Api}s against its floor, in one JVM run. The floor is
 * what any program that reads this input and prints this output must do with Jackson: read every
 * input document as a tree, and write the objects render prints (the same bytes, checked before
 * timing) with the same YAML mapper. Render does that plus reading with positions, validation,
 * binding and translation.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar dev.apicontroller.bench.RenderBenchmark [apis] [rounds]
 * </pre>
 *
 * Both sides write to a writer that discards, so the disk is not measured. Reported: the median of
 * the measured rounds after as many warm-up rounds, and render / floor.
 */
public final class RenderBenchmark {
  private static final YAMLMapper PLAIN = new YAMLMapper();
  private static final com.sun.management.OperatingSystemMXBean CPU =
      (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
  private static final ThreadMXBean THREAD = ManagementFactory.getThreadMXBean();

  private RenderBenchmark() {}

  public static void main(String[] args) throws Exception {
    int apis = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 7;
    Path file = Files.createTempFile("apictl-render-bench", ".yaml");
    try {
      Files.writeString(file, generate(apis));
      List<GeneratedObject> objects = outputObjects(file);
      System.out.printf(
          "input: %d Apis, %.1f MiB; output: %d objects, %.1f MiB, identical to render's%n",
          apis,
          Files.size(file) / (1024.0 * 1024.0),
          objects.size(),
          checkSameOutput(file, objects) / (1024.0 * 1024.0));
      long[] render = new long[rounds];
      long[] floor = new long[rounds];
      long[] renderCpu = new long[rounds];
      long[] floorCpu = new long[rounds];
      long[] renderThread = new long[rounds];
      long[] floorThread = new long[rounds];
      for (int warm = 0; warm < rounds; warm++) {
        render(file);
        floor(file, objects);
      }
      for (int i = 0; i < rounds; i++) {
        // Each timed run starts from a collected heap, so neither pays for the other's garbage.
        System.gc();
        long c0 = CPU.getProcessCpuTime();
        long m0 = THREAD.getCurrentThreadCpuTime();
        long t0 = System.nanoTime();
        render(file);
        render[i] = System.nanoTime() - t0;
        renderThread[i] = THREAD.getCurrentThreadCpuTime() - m0;
        renderCpu[i] = CPU.getProcessCpuTime() - c0;
        System.gc();
        long c1 = CPU.getProcessCpuTime();
        long m1 = THREAD.getCurrentThreadCpuTime();
        long t1 = System.nanoTime();
        floor(file, objects);
        floor[i] = System.nanoTime() - t1;
        floorThread[i] = THREAD.getCurrentThreadCpuTime() - m1;
        floorCpu[i] = CPU.getProcessCpuTime() - c1;
      }
      report("wall time", render, floor, rounds);
      // On a shared machine the wall time mostly measures the other processes; the CPU time the
      // JVM spent (garbage collection included) measures the work.
      report("process CPU time", renderCpu, floorCpu, rounds);
      // The calling thread alone: the work without the garbage collector's threads.
      report("CPU time of the rendering thread", renderThread, floorThread, rounds);
    } finally {
      Files.deleteIfExists(file);
    }
  }

  /** The objects render prints for {@code file}: every Api translated against all of them. */
  static List<GeneratedObject> outputObjects(Path file) throws Exception {
    List<ApiDocument> read = new ArrayList<>();
    ApiReader binder = new ApiReader();
    for (SourceDocument d : new DocumentReader().read(file.toString(), Files.readString(file))) {
      read.add(binder.read(d));
    }
    return translateAll(read);
  }

  /** Every Api translated with the default settings against all of them, as render does. */
  static List<GeneratedObject> translateAll(List<ApiDocument> read) {
    Config config = Config.defaults();
    ApiSetView.Builder view = ApiSetView.builder(config);
    for (ApiDocument d : read) view.api(d.api());
    ClusterView cluster = view.build();
    ApiTranslator translator = new ApiTranslator(config);
    List<GeneratedObject> objects = new ArrayList<>();
    for (ApiDocument d : read) objects.addAll(translator.translate(d.api(), cluster).objects());
    return objects;
  }

  /** Render must succeed and print exactly what the floor writes; returns the output's size. */
  private static long checkSameOutput(Path file, List<GeneratedObject> objects) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code =
        Apictl.run(
            new String[] {"render", file.toString()},
            new PrintWriter(out),
            new PrintWriter(err),
            empty());
    if (code != 0) throw new IllegalStateException("render failed with exit " + code + ": " + err);
    if (!ManifestWriter.toYaml(objects).equals(out.toString())) {
      throw new IllegalStateException("render output differs from the floor's output");
    }
    return out.toString().length();
  }

  private static void render(Path file) {
    Apictl.run(new String[] {"render", file.toString()}, discard(), discard(), empty());
  }

  private static void floor(Path file, List<GeneratedObject> objects) throws IOException {
    try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8);
        JsonParser parser = PLAIN.getFactory().createParser(in);
        MappingIterator<JsonNode> docs = PLAIN.readerFor(JsonNode.class).readValues(parser)) {
      while (docs.hasNext()) docs.next();
    }
    try (PrintWriter out = discard()) {
      ManifestWriter.writeYaml(objects, out);
    }
  }

  private static void report(String what, long[] render, long[] floor, int rounds) {
    double renderMs = median(render) / 1e6;
    double floorMs = median(floor) / 1e6;
    System.out.printf("%s, median of %d rounds%n", what, rounds);
    System.out.printf(
        "  render (apictl, in-process):       %8.1f ms  %s%n", renderMs, millis(render));
    System.out.printf(
        "  floor (Jackson read + same write): %8.1f ms  %s%n", floorMs, millis(floor));
    System.out.printf(
        "  render / floor:                    %8.2f (target <= 1.3)%n", renderMs / floorMs);
  }

  private static String millis(long[] nanos) {
    StringBuilder sb = new StringBuilder();
    for (long n : nanos) sb.append(String.format("%.0f ", n / 1e6));
    return sb.toString().trim();
  }

  private static PrintWriter discard() {
    return new PrintWriter(Writer.nullWriter());
  }

  private static ByteArrayInputStream empty() {
    return new ByteArrayInputStream(new byte[0]);
  }

  private static long median(long[] values) {
    long[] sorted = values.clone();
    Arrays.sort(sorted);
    return sorted[sorted.length / 2];
  }

  /** A realistic mix: a third open, a third with one issuer, a third with two and exclusions. */
  static String generate(int count) {
    List<String> docs = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      StringBuilder sb = new StringBuilder(512);
      sb.append("apiVersion: gateway.kyma-project.io/v1alpha2\n")
          .append("kind: Api\n")
          .append("metadata:\n")
          .append("  name: api-")
          .append(i)
          .append('\n')
          .append("  namespace: team-")
          .append(i % 50)
          .append('\n')
          .append("spec:\n")
          .append("  service:\n")
          .append("    name: svc-")
          .append(i)
          .append('\n')
          .append("    port: 8080\n")
          .append("  hostname: host-")
          .append(i)
          .append(".kyma.local\n");
      if (i % 3 >= 1) {
        sb.append("  authentication:\n")
            .append("  - type: JWT\n")
            .append("    jwt:\n")
            .append("      issuer: https://issuer-a.example.com\n")
            .append("      jwksUri: https://issuer-a.example.com/keys\n");
      }
      if (i % 3 == 2) {
        sb.append("      triggerRule:\n")
            .append("        excludedPaths:\n")
            .append("        - exact: /healthz\n")
            .append("        - prefix: /public/\n")
            .append("        - suffix: .png\n")
            .append("  - type: JWT\n")
            .append("    jwt:\n")
            .append("      issuer: https://issuer-b.example.com\n")
            .append("      jwksUri: https://issuer-b.example.com/keys\n");
      }
      docs.add(sb.toString());
    }
    return String.join("---\n", docs);
  }
}
