package dev.apicontroller.operator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.apicontroller.translate.golden.GoldenFiles;
import dev.apicontroller.translate.golden.GoldenTarget;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.FieldValidateable.Validation;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * SPEC 3.5 "validated against the real thing": every object of every golden case's expected output
 * for every {@link GoldenTarget} is sent to the API server serving Istio's and Gateway API's own
 * CRDs ({@link UpstreamCrds}) as a server-side dry-run create with strict field validation. A
 * rejection, an unknown field, or a field the server pruned or changed fails the test, naming the
 * golden file, the object and the field.
 */
class GoldenConformanceIT {
  private static final ObjectMapper JSON = JsonMapper.builder().build();
  private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {};

  @Test
  void everyGoldenOutputOfEveryTargetIsAdmittedAsWrittenUnderStrictFieldValidation()
      throws IOException {
    List<Path> outputs = goldenOutputs();
    List<String> failures = new ArrayList<>();
    Set<String> kindsSent = new TreeSet<>();
    Set<String> namespaces = new HashSet<>();
    int sent = 0;
    try (KubernetesClient client =
        new KubernetesClientBuilder().withConfig(TestApiServer.config()).build()) {
      for (Path file : outputs) {
        int index = 0;
        for (Map<String, Object> doc : documents(file)) {
          index++;
          if (!doc.containsKey("apiVersion")) continue; // the outcome (status, problems): no object
          GenericKubernetesResource object =
              JSON.convertValue(doc, GenericKubernetesResource.class);
          String namespace =
              Optional.ofNullable(object.getMetadata().getNamespace()).orElse("default");
          if (namespaces.add(namespace)) ensureNamespace(client, namespace);
          String where =
              file
                  + " document "
                  + index
                  + " ("
                  + object.getApiVersion()
                  + " "
                  + object.getKind()
                  + " "
                  + namespace
                  + "/"
                  + object.getMetadata().getName()
                  + ")";
          sent++;
          kindsSent.add(object.getApiVersion() + " " + object.getKind());
          try {
            GenericKubernetesResource admitted =
                client.resource(object).dryRun().fieldValidation(Validation.STRICT).create();
            Map<String, Object> back = JSON.convertValue(admitted, MAP);
            changedField("", doc, back)
                .ifPresent(f -> failures.add(where + ": the server pruned or changed " + f));
          } catch (KubernetesClientException e) {
            failures.add(where + ": rejected (" + e.getCode() + "): " + reason(e));
          }
        }
      }
    }
    System.out.printf(
        "CONFORMANCE: %d golden files (%d cases, targets %s), %d objects sent, kinds %s%n",
        outputs.size(),
        GoldenFiles.inputs().size(),
        Arrays.stream(GoldenTarget.values()).map(GoldenTarget::suffix).toList(),
        sent,
        kindsSent);
    assertThat(failures).as("golden outputs the real CRDs refuse").isEmpty();
    // Not vacuous: every kind the targets of today write was among them.
    assertThat(kindsSent)
        .contains(
            "networking.istio.io/v1alpha3 VirtualService",
            "authentication.istio.io/v1alpha1 Policy",
            "networking.istio.io/v1beta1 VirtualService",
            "security.istio.io/v1beta1 RequestAuthentication",
            "security.istio.io/v1beta1 AuthorizationPolicy",
            "security.istio.io/v1beta1 PeerAuthentication",
            "networking.istio.io/v1 VirtualService",
            "security.istio.io/v1 RequestAuthentication",
            "security.istio.io/v1 AuthorizationPolicy",
            "security.istio.io/v1 PeerAuthentication");
  }

  @Test
  void theCheckCatchesAFieldTheRealCrdDoesNotKnow() {
    // Istio's own VirtualService schema is structural: a misspelt field is refused by name, which a
    // project-written schema preserving unknown fields would have let through.
    Map<String, Object> misspelt =
        Map.of(
            "apiVersion",
            "networking.istio.io/v1",
            "kind",
            "VirtualService",
            "metadata",
            Map.of("name", "misspelt", "namespace", "default"),
            "spec",
            Map.of(
                "hosts", List.of("orders.kyma.local"),
                "http", List.of(Map.of("corsPolicy", Map.of("allowOrigns", List.of("*"))))));
    try (KubernetesClient client =
        new KubernetesClientBuilder().withConfig(TestApiServer.config()).build()) {
      GenericKubernetesResource object =
          JSON.convertValue(misspelt, GenericKubernetesResource.class);
      assertThat(
              catchThrowableOfType(
                  KubernetesClientException.class,
                  () ->
                      client.resource(object).dryRun().fieldValidation(Validation.STRICT).create()))
          .isNotNull()
          .satisfies(e -> assertThat(reason(e)).contains("spec.http[0].corsPolicy.allowOrigns"));
    }
    assertThat(
            changedField(
                "", Map.of("spec", Map.of("a", 1, "b", 2)), Map.of("spec", Map.of("a", 1))))
        .contains("spec.b (pruned)");
  }

  /**
   * The expected output of every golden case for every target it is checked for ({@link
   * GoldenFiles}, {@link GoldenTarget}); a missing one fails here, as in {@code GoldenTest}.
   */
  static List<Path> goldenOutputs() throws IOException {
    List<Path> outputs = new ArrayList<>();
    for (Path input : GoldenFiles.inputs()) {
      for (GoldenTarget target :
          GoldenFiles.targets(input, Files.readString(input, StandardCharsets.UTF_8))) {
        outputs.add(GoldenFiles.output(input, target));
      }
    }
    assertThat(outputs).as("golden outputs under " + GoldenFiles.ROOT).isNotEmpty();
    assertThat(outputs)
        .as("golden outputs (run GoldenTest -Dgolden.update=true)")
        .allMatch(Files::isRegularFile);
    return outputs;
  }

  private static List<Map<String, Object>> documents(Path file) {
    List<Map<String, Object>> docs = new ArrayList<>();
    try (var it = new YAMLMapper().readerFor(MAP).<Map<String, Object>>readValues(file.toFile())) {
      while (it.hasNext()) {
        Map<String, Object> doc = it.next();
        if (doc != null) docs.add(doc);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
    return docs;
  }

  private static void ensureNamespace(KubernetesClient client, String name) {
    if (client.namespaces().withName(name).get() == null) {
      client
          .resource(new NamespaceBuilder().withNewMetadata().withName(name).endMetadata().build())
          .create();
    }
  }

  private static String reason(KubernetesClientException e) {
    if (e.getStatus() != null && e.getStatus().getMessage() != null) {
      return e.getStatus().getMessage();
    }
    return e.getMessage();
  }

  /**
   * The first field we sent that the server did not give back unchanged (pruned, or rewritten),
   * with its path; fields the server added (defaults, uid, managedFields) are not ours to check.
   */
  static Optional<String> changedField(String path, Object sent, Object back) {
    if (sent instanceof Map<?, ?> sentMap) {
      if (!(back instanceof Map<?, ?> backMap)) return Optional.of(path + " (not an object)");
      for (Map.Entry<?, ?> e : sentMap.entrySet()) {
        String at = path.isEmpty() ? String.valueOf(e.getKey()) : path + "." + e.getKey();
        if (!backMap.containsKey(e.getKey())) return Optional.of(at + " (pruned)");
        Optional<String> inner = changedField(at, e.getValue(), backMap.get(e.getKey()));
        if (inner.isPresent()) return inner;
      }
      return Optional.empty();
    }
    if (sent instanceof List<?> sentList) {
      if (!(back instanceof List<?> backList)) return Optional.of(path + " (not a list)");
      if (backList.size() != sentList.size()) {
        return Optional.of(path + " (" + sentList.size() + " items sent, " + backList.size() + ")");
      }
      for (int i = 0; i < sentList.size(); i++) {
        Optional<String> inner =
            changedField(path + "[" + i + "]", sentList.get(i), backList.get(i));
        if (inner.isPresent()) return inner;
      }
      return Optional.empty();
    }
    if (sent instanceof Number a && back instanceof Number b) {
      return a.doubleValue() == b.doubleValue()
          ? Optional.empty()
          : Optional.of(path + " (" + a + " became " + b + ")");
    }
    return Objects.equals(sent, back)
        ? Optional.empty()
        : Optional.of(path + " (" + sent + " became " + back + ")");
  }
}
