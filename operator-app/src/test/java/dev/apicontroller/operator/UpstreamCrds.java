package dev.apicontroller.operator;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The CRDs the projects that own them publish, not ours: Istio's ({@code istio.io/api}) and Gateway
 * API's standard channel ({@code sigs.k8s.io/gateway-api}), at the versions pinned in {@code
 * test-cluster/crd-modules.txt} and fetched by {@code test-cluster/fetch-crds.sh} into the folder
 * beside the API server binaries. Only the legacy {@code authentication.istio.io} Policy, which no
 * current module ships, stays project-written ({@code /crds/} on the test classpath).
 */
final class UpstreamCrds {
  static final Path MODULES = Path.of("..", "test-cluster", "crd-modules.txt");

  private static final ObjectMapper JSON = JsonMapper.builder().build();
  private static List<CustomResourceDefinition> all;

  private UpstreamCrds() {}

  /** Every CRD of every pinned module, in file order. */
  static synchronized List<CustomResourceDefinition> all() {
    if (all == null) {
      List<CustomResourceDefinition> crds = new ArrayList<>();
      for (Path file : files()) crds.addAll(read(file));
      all = List.copyOf(crds);
    }
    return all;
  }

  /** One CRD by its name, such as {@code virtualservices.networking.istio.io}. */
  static CustomResourceDefinition named(String name) {
    return all().stream()
        .filter(c -> c.getMetadata().getName().equals(name))
        .findFirst()
        .orElseThrow(() -> new IllegalStateException("no upstream CRD named " + name));
  }

  /** The folder fetch-crds.sh fills: {@code <KUBE_API_TEST_DIR or ~/.kubeapitest>/crds}. */
  static Path folder() {
    return TestApiServer.kubeApiTestDir().resolve("crds");
  }

  /** The YAML files of every pinned module, files of a folder sorted by name. */
  static List<Path> files() {
    List<Path> files = new ArrayList<>();
    try {
      for (String line : Files.readAllLines(MODULES)) {
        String[] f = line.trim().split("\\s+");
        if (f.length < 3 || f[0].startsWith("#")) continue;
        Path at = folder().resolve(f[0] + "@" + f[1]);
        Path path = at.resolve(f[2]);
        if (!Files.exists(at.resolve(".complete")) || !Files.exists(path)) {
          throw new IllegalStateException(
              f[0]
                  + "@"
                  + f[1]
                  + " CRDs are not at "
                  + path
                  + ": run `bash test-cluster/fetch-crds.sh` (./test does; needs Go and the Go"
                  + " module proxy)");
        }
        if (Files.isDirectory(path)) {
          try (Stream<Path> yamls = Files.list(path)) {
            yamls.filter(p -> p.toString().endsWith(".yaml")).sorted().forEach(files::add);
          }
        } else {
          files.add(path);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return files;
  }

  /** The CustomResourceDefinition documents of a file (Gateway API ships other kinds beside). */
  private static List<CustomResourceDefinition> read(Path file) {
    List<CustomResourceDefinition> crds = new ArrayList<>();
    try (var docs =
        new YAMLMapper(new YAMLFactory()).readerFor(Map.class).readValues(file.toFile())) {
      while (docs.hasNext()) {
        Object doc = docs.next();
        if (doc instanceof Map<?, ?> map && "CustomResourceDefinition".equals(map.get("kind"))) {
          crds.add(JSON.convertValue(map, CustomResourceDefinition.class));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
    return crds;
  }
}
