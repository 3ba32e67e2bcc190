package dev.apicontroller.bench;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.apicontroller.cli.Apictl;
import dev.apicontroller.translate.Manifests;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Reader;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * {@code apictl render} of 10,000 generated {@code Api}s against its floor, a plain Jackson YAML
 * round trip of the same file (read every document as a tree, write it back), in one JVM run.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar dev.apicontroller.bench.RenderBenchmark [apis] [iterations]
 * </pre>
 *
 * Both sides write to a writer that discards, so the disk is not measured. Reported: the median of
 * the measured iterations after as many warm-up iterations, and render / floor.
 */
public final class RenderBenchmark {
  private RenderBenchmark() {}

  public static void main(String[] args) throws Exception {
    int apis = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
    int iterations = args.length > 1 ? Integer.parseInt(args[1]) : 5;
    Path file = Files.createTempFile("apictl-render-bench", ".yaml");
    try {
      Files.writeString(file, generate(apis));
      System.out.printf(
          "input: %d Apis, %.1f MiB, %s%n",
          apis, Files.size(file) / (1024.0 * 1024.0), file.getFileName());
      checkRenderSucceeds(file);
      long[] render = new long[iterations];
      long[] floor = new long[iterations];
      for (int warm = 0; warm < iterations; warm++) {
        render(file);
        roundTrip(file);
      }
      for (int i = 0; i < iterations; i++) {
        // Each timed run starts from a collected heap, so neither pays for the other's garbage
        // (the two alternate in one JVM; without this the floor absorbed render's collections).
        System.gc();
        long t0 = System.nanoTime();
        render(file);
        render[i] = System.nanoTime() - t0;
        System.gc();
        long t1 = System.nanoTime();
        roundTrip(file);
        floor[i] = System.nanoTime() - t1;
      }
      double renderMs = median(render) / 1e6;
      double floorMs = median(floor) / 1e6;
      System.out.printf(
          "render (apictl, in-process):  %8.1f ms  (median of %d)%n", renderMs, iterations);
      System.out.printf("floor (Jackson YAML round trip): %8.1f ms%n", floorMs);
      System.out.printf(
          "ratio render / floor:            %8.2f (target <= 1.5)%n", renderMs / floorMs);
    } finally {
      Files.deleteIfExists(file);
    }
  }

  /**
   * Render must succeed, and its output must be what Jackson's YAML mapper writes for the same
   * trees: the documents are read back and written again by {@code Manifests.yaml()}, so the direct
   * writer is checked on all 16,667 objects before it is timed.
   */
  private static void checkRenderSucceeds(Path file) throws IOException {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code =
        Apictl.run(
            new String[] {"render", file.toString()},
            new PrintWriter(out),
            new PrintWriter(err),
            empty());
    if (code != 0) throw new IllegalStateException("render failed with exit " + code + ": " + err);
    StringBuilder byMapper = new StringBuilder();
    int objects = 0;
    try (MappingIterator<JsonNode> docs =
        Manifests.yaml().readerFor(JsonNode.class).readValues(out.toString())) {
      while (docs.hasNext()) {
        if (objects++ > 0) byMapper.append("---\n");
        byMapper.append(Manifests.yaml().writeValueAsString(docs.next()));
      }
    }
    if (!byMapper.toString().equals(out.toString())) {
      throw new IllegalStateException("render output differs from Jackson's YAML mapper output");
    }
    System.out.printf("output: %d objects, identical to Jackson's YAML mapper output%n", objects);
  }

  private static void render(Path file) {
    Apictl.run(new String[] {"render", file.toString()}, discard(), discard(), empty());
  }

  private static final YAMLMapper YAML = new YAMLMapper();

  private static void roundTrip(Path file) throws IOException {
    try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8);
        JsonParser parser = YAML.getFactory().createParser(in);
        MappingIterator<JsonNode> docs = YAML.readerFor(JsonNode.class).readValues(parser);
        SequenceWriter out = YAML.writer().writeValues(Writer.nullWriter())) {
      while (docs.hasNext()) out.write(docs.next());
    }
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
