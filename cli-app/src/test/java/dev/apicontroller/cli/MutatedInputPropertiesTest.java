package dev.apicontroller.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Fuzzing through the whole CLI: valid Apis mutated at the tree level (a value replaced, a field
 * removed, an unknown field added) and arbitrary YAML trees, rendered by {@code apictl render -}.
 * Each case must end in exit 0 or 1 with every diagnostic in the {@code file:line:column:} form,
 * and stay within one second of CPU time (a guard against runaway parsing or backtracking, with a
 * margin of about a thousand over the usual cost; CPU time so that a loaded machine cannot make it
 * fail). The 1,000-case default becomes 100,000 with {@code -Pfuzz}.
 */
class MutatedInputPropertiesTest {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final ObjectMapper YAML = new YAMLMapper();
  private static final Pattern DIAGNOSTIC =
      Pattern.compile("<stdin>:\\d+:\\d+: (error|warning): .+");
  private static final long CPU_BUDGET_NANOS = 1_000_000_000L;
  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
  private static long slowestNanos;
  private static long cases;

  @Property
  void mutatedApisRenderOrAreRejectedNamingTheLine(
      @ForAll("pointerPicks") int pick, @ForAll("mutations") Mutation mutation) throws Exception {
    JsonNode root = YAML.readTree(Manifest.securedApi("ns", "a", "svc", "a"));
    List<String> pointers = new ArrayList<>();
    collect(root, "", pointers);
    mutation.apply(root, pointers.get(Math.floorMod(pick, pointers.size())));
    ApictlRun run = timed(YAML.writeValueAsString(root));

    assertThat(run.code()).as(run.toString()).isIn(0, 1);
    assertDiagnostics(run);
    if (run.code() == 1) assertThat(run.err()).as(run.toString()).contains(": error: ");
  }

  @Property
  void arbitraryYamlTreesEndInADefinedExitCode(@ForAll("trees") JsonNode tree) throws Exception {
    ApictlRun run = timed(YAML.writeValueAsString(tree));

    assertThat(run.code()).as(run.toString()).isIn(0, 1, 3);
    assertDiagnostics(run);
  }

  // The first run in a JVM loads classes and builds Jackson's serializers; that one-off cost is not
  // what the per-document budget is about.
  @BeforeContainer
  static void warmUp() {
    ApictlRun.withStdin(Manifest.securedApi("ns", "a", "svc", "a"), "render", "-");
    ApictlRun.withStdin("kind: Api\nspec: [", "render", "-");
    ApictlRun.withStdin(
        "apiVersion: gateway.kyma-project.io/v1alpha2\nkind: Api\nx: 1", "render", "-");
  }

  @AfterContainer
  static void report() {
    System.out.printf(
        "FUZZ apictl: %d cases, slowest %.1f ms CPU (budget %d ms)%n",
        cases, slowestNanos / 1e6, CPU_BUDGET_NANOS / 1_000_000);
  }

  private static ApictlRun timed(String stdin) {
    long start = THREADS.getCurrentThreadCpuTime();
    ApictlRun run = ApictlRun.withStdin(stdin, "render", "-");
    long spent = THREADS.getCurrentThreadCpuTime() - start;
    synchronized (MutatedInputPropertiesTest.class) {
      cases++;
      slowestNanos = Math.max(slowestNanos, spent);
    }
    assertThat(spent)
        .as("CPU time for one document\n%s\n%s", stdin, run)
        .isLessThan(CPU_BUDGET_NANOS);
    return run;
  }

  private static void assertDiagnostics(ApictlRun run) {
    assertThat(run.err())
        .as(run.toString())
        .doesNotContain("internal error")
        .doesNotContain("\tat ");
    for (String line : run.err().lines().toList()) {
      assertThat(line).as(run.toString()).matches(DIAGNOSTIC);
    }
  }

  /** One change to a valid Api's tree at a JSON pointer. */
  interface Mutation {
    void apply(JsonNode root, String pointer);
  }

  @Provide
  Arbitrary<Integer> pointerPicks() {
    return Arbitraries.integers().between(0, 10_000);
  }

  @Provide
  Arbitrary<Mutation> mutations() {
    Arbitrary<Mutation> replace =
        values().map(v -> (Mutation) (root, pointer) -> set(root, pointer, v));
    Arbitrary<Mutation> remove = Arbitraries.just((root, pointer) -> remove(root, pointer));
    Arbitrary<Mutation> addUnknown =
        Arbitraries.strings()
            .alpha()
            .ofMinLength(1)
            .ofMaxLength(8)
            .map(
                name ->
                    (Mutation)
                        (root, pointer) -> {
                          JsonNode at = root.at(pointer);
                          if (at instanceof ObjectNode o) o.put(name, "x");
                        });
    return Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(6, replace),
        net.jqwik.api.Tuple.of(3, remove),
        net.jqwik.api.Tuple.of(1, addUnknown));
  }

  private static Arbitrary<JsonNode> values() {
    return Arbitraries.oneOf(
        Arbitraries.strings().ofMaxLength(40).map(NODES::textNode),
        Arbitraries.of(
                "",
                " ",
                "/",
                "*",
                "^(",
                "http://",
                "ftp://x",
                "https://",
                "a..b",
                "-a",
                "A",
                "x".repeat(300),
                "default",
                "kube-system",
                "svc.other",
                "80",
                "0",
                "-1",
                "65536")
            .map(NODES::textNode),
        Arbitraries.integers().map(NODES::numberNode),
        Arbitraries.longs().map(NODES::numberNode),
        Arbitraries.doubles().map(NODES::numberNode),
        Arbitraries.of(true, false).map(NODES::booleanNode),
        Arbitraries.just(NODES.nullNode()),
        Arbitraries.just(NODES.objectNode()),
        Arbitraries.just(NODES.arrayNode()),
        Arbitraries.just((JsonNode) NODES.arrayNode().add(1).add("x")));
  }

  @Provide
  Arbitrary<JsonNode> trees() {
    return tree(4);
  }

  private static Arbitrary<JsonNode> tree(int depth) {
    Arbitrary<JsonNode> leaf = values();
    if (depth == 0) return leaf;
    Arbitrary<String> keys =
        Arbitraries.oneOf(
            Arbitraries.of(
                "apiVersion",
                "kind",
                "metadata",
                "name",
                "namespace",
                "spec",
                "service",
                "port",
                "hostname",
                "authentication",
                "jwt",
                "issuer",
                "jwksUri",
                "items"),
            Arbitraries.strings().ofMaxLength(10));
    Arbitrary<JsonNode> object =
        Arbitraries.maps(keys, Arbitraries.lazy(() -> tree(depth - 1)))
            .ofMaxSize(5)
            .map(
                m -> {
                  ObjectNode o = NODES.objectNode();
                  m.forEach(o::set);
                  if (Math.floorMod(m.size(), 2) == 0) {
                    o.put("apiVersion", "gateway.kyma-project.io/v1alpha2").put("kind", "Api");
                  }
                  return o;
                });
    Arbitrary<JsonNode> array =
        Arbitraries.lazy(() -> tree(depth - 1))
            .list()
            .ofMaxSize(4)
            .map(
                l -> {
                  ArrayNode a = NODES.arrayNode();
                  l.forEach(a::add);
                  return a;
                });
    return Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(2, leaf),
        net.jqwik.api.Tuple.of(4, object),
        net.jqwik.api.Tuple.of(1, array));
  }

  private static void collect(JsonNode node, String pointer, List<String> out) {
    if (!pointer.isEmpty()) out.add(pointer);
    if (node.isObject()) {
      node.fieldNames().forEachRemaining(f -> collect(node.get(f), pointer + "/" + f, out));
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) collect(node.get(i), pointer + "/" + i, out);
    }
  }

  private static void set(JsonNode root, String pointer, JsonNode value) {
    int cut = pointer.lastIndexOf('/');
    JsonNode parent = root.at(pointer.substring(0, cut));
    String last = pointer.substring(cut + 1);
    if (parent instanceof ObjectNode o) o.set(last, value.deepCopy());
    if (parent instanceof ArrayNode a) a.set(Integer.parseInt(last), value.deepCopy());
  }

  private static void remove(JsonNode root, String pointer) {
    int cut = pointer.lastIndexOf('/');
    JsonNode parent = root.at(pointer.substring(0, cut));
    String last = pointer.substring(cut + 1);
    if (parent instanceof ObjectNode o) o.remove(last);
    if (parent instanceof ArrayNode a) a.remove(Integer.parseInt(last));
  }
}
