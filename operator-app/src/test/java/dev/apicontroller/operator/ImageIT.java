package dev.apicontroller.operator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.abort;

import dev.apicontroller.k8s.ApiResource;
import dev.apicontroller.model.Condition;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The operator image that the {@code image} profile builds (./test turns it on): built twice to the
 * same digest, and run with podman the way deploy/deployment.yaml runs it (read-only root
 * filesystem, every capability dropped, no privilege escalation, user 65532) against the test API
 * server, as deploy/'s ServiceAccount, until an {@code Api} is Ready and {@code /readyz} answers.
 */
class ImageIT {
  private static final String CONFIG_IN_CONTAINER = "/etc/api-controller/kubeconfig";

  @Test
  void buildingTheImageTwiceFromFreshlyStagedFilesGivesTheSameDigest() throws IOException {
    Path dir = imageDir();
    String first = Files.readString(dir.resolve("digest")).trim();
    String second = Files.readString(dir.resolve("rebuild/digest")).trim();

    assertThat(first).matches("sha256:[0-9a-f]{64}");
    assertThat(second).as("digest of the second build").isEqualTo(first);
    assertThat(
            Files.mismatch(
                dir.resolve("api-controller-operator.tar"),
                dir.resolve("rebuild/api-controller-operator.tar")))
        .as("first differing byte of the two image tarballs")
        .isEqualTo(-1L);
  }

  @Test
  void theImageRunsReadOnlyWithoutCapabilitiesAsNonRootAndMakesAnApiReady() throws Exception {
    Path dir = imageDir();
    Podman podman = podman(dir.resolve("podman"));
    String id = Files.readString(dir.resolve("id")).trim().replaceFirst("^sha256:", "");
    podman.run("load", "-q", "-i", dir.resolve("api-controller-operator.tar").toString());
    assertThat(podman.run("image", "inspect", "--format", "{{.Config.User}}", id))
        .isEqualTo("65532:65532");

    String ns = "image-" + ProcessHandle.current().pid();
    String container = "api-controller-image-it-" + ProcessHandle.current().pid();
    Path kubeconfig = dir.resolve("podman/kubeconfig.yaml");
    Path log = dir.resolve("podman/operator.log");
    Files.deleteIfExists(log);
    int port = OperatorProcess.freePort();
    try (KubernetesClient user =
            new KubernetesClientBuilder().withConfig(TestApiServer.config()).build();
        FaultInjectingProxy proxy =
            new FaultInjectingProxy(TestApiServer.serviceAccountConfig(), 1)) {
      user.resource(new NamespaceBuilder().withNewMetadata().withName(ns).endMetadata().build())
          .create();
      // The proxy (no faults on) adds deploy/'s ServiceAccount identity to every request.
      Files.writeString(kubeconfig, OperatorProcess.kubeconfig(proxy.url()));

      List<String> run = new ArrayList<>(List.of("run", "--rm", "--name", container));
      run.addAll(List.of("--pull=never", "--read-only", "--cap-drop", "ALL"));
      run.addAll(List.of("--security-opt", "no-new-privileges", "--user", "65532:65532"));
      // Loopback only: the API server (through the proxy) and /readyz are on 127.0.0.1.
      run.addAll(List.of("--network", "host"));
      run.addAll(List.of("-v", kubeconfig.toAbsolutePath() + ":" + CONFIG_IN_CONTAINER + ":ro"));
      Map<String, String> env = new java.util.TreeMap<>(OperatorHarness.baseEnv());
      env.put("KUBECONFIG", CONFIG_IN_CONTAINER);
      env.put("METRICS_PORT", Integer.toString(port));
      env.put("WATCH_NAMESPACES", ns);
      env.put("HOSTNAME", container);
      env.forEach((k, v) -> run.addAll(List.of("-e", k + "=" + v)));
      run.add(id);
      Process operator = podman.start(run, log);
      try {
        await()
            .atMost(Duration.ofSeconds(120))
            .pollInterval(Duration.ofMillis(500))
            .failFast("the container exited; see " + log, () -> !operator.isAlive())
            .until(() -> readyz(port) == 200);

        user.resource(
                user.getKubernetesSerialization()
                    .unmarshal(
                        ApiLifecycleIT.securedApi(ns, "orders", "orders", ns), ApiResource.class))
            .create();
        await()
            .atMost(Duration.ofSeconds(60))
            .pollInterval(Duration.ofMillis(500))
            .failFast("the container exited; see " + log, () -> !operator.isAlive())
            .until(() -> ready(user, ns, "orders"));
        assertThat(readyz(port)).isEqualTo(200);
      } finally {
        try {
          podman.run("stop", "-t", "10", container);
        } catch (IllegalStateException alreadyGone) {
          // the container exited by itself; its log says why
        }
        operator.waitFor(30, TimeUnit.SECONDS);
        podman.run("rmi", "--force", id);
      }
    }
  }

  private static boolean ready(KubernetesClient user, String ns, String name) {
    ApiResource api = user.resources(ApiResource.class).inNamespace(ns).withName(name).get();
    return api != null
        && api.getStatus() != null
        && api.getStatus().conditions().stream()
            .anyMatch(c -> Condition.READY.equals(c.type()) && "True".equals(c.status()));
  }

  private static int readyz(int port) {
    try {
      return HttpClient.newHttpClient()
          .send(
              HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/readyz"))
                  .timeout(Duration.ofSeconds(2))
                  .build(),
              HttpResponse.BodyHandlers.discarding())
          .statusCode();
    } catch (IOException e) {
      return -1;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return -1;
    }
  }

  /** The image's build directory; the test is skipped, saying so, when the profile was off. */
  private static Path imageDir() {
    String dir = System.getProperty("apicontroller.image.dir");
    if (dir == null) {
      abort(
          "the operator image is built by the `image` profile only (./test turns it on: -Pimage)");
    }
    return Path.of(dir);
  }

  /**
   * podman, or the test is skipped where it is missing and could not be installed; on CI (CI=true)
   * a missing podman fails, since ./test installs it there.
   */
  private static Podman podman(Path workDir) {
    return Podman.find(workDir)
        .orElseGet(
            () -> {
              String why =
                  "podman is not installed (./test installs it with apt-get when run as root on"
                      + " Debian/Ubuntu): the image was built but not run";
              if ("true".equals(System.getenv("CI"))) fail(why);
              abort(why);
              return null;
            });
  }
}
