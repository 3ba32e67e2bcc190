package dev.apicontroller.operator;

import dev.apicontroller.model.ApiCrd;
import io.fabric8.kubeapitest.KubeAPIServer;
import io.fabric8.kubeapitest.KubeAPIServerConfigBuilder;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One real kube-apiserver (with etcd) for the whole integration-test JVM, started through
 * kube-api-test, with our CRD and the Istio CRDs installed. The binaries come from {@code
 * test-cluster/build.sh} here (offline mode); elsewhere kube-api-test downloads them.
 */
final class TestApiServer {
  static final List<String> ISTIO_CRDS =
      List.of(
          "virtualservices.networking.istio.io",
          "policies.authentication.istio.io",
          "requestauthentications.security.istio.io",
          "authorizationpolicies.security.istio.io",
          "peerauthentications.security.istio.io");

  private static Config config;

  private TestApiServer() {}

  /** Whether owner-reference garbage collection runs (kube-controller-manager was found). */
  static boolean garbageCollects() {
    config();
    return TestControllerManager.binary().isPresent();
  }

  /** The client configuration of the shared server, started on first use. */
  static synchronized Config config() {
    if (config == null) {
      KubeAPIServer server =
          new KubeAPIServer(
              KubeAPIServerConfigBuilder.anAPIServerConfig()
                  .withOfflineMode(binariesPresent())
                  .withUpdateKubeConfig(false)
                  .build());
      server.start();
      Runtime.getRuntime().addShutdownHook(new Thread(server::stop, "kube-api-test-stop"));
      config = Config.fromKubeconfig(server.getKubeConfigYaml());
      TestControllerManager.binary()
          .ifPresent(b -> TestControllerManager.start(b, server.getKubeConfigYaml()));
      try (KubernetesClient client = new KubernetesClientBuilder().withConfig(config).build()) {
        install(client, ApiCrd.yaml());
        for (String name : ISTIO_CRDS) install(client, resource("/crds/" + name + ".yaml"));
      }
    }
    return config;
  }

  private static boolean binariesPresent() {
    String dir = System.getenv(KubeAPIServerConfigBuilder.KUBE_API_TEST_DIR);
    Path root =
        dir != null
            ? Path.of(dir)
            : Path.of(System.getProperty("user.home"), KubeAPIServerConfigBuilder.DIRECTORY_NAME);
    try (var versions = Files.list(root.resolve("k8s"))) {
      return versions.anyMatch(p -> Files.isExecutable(p.resolve("kube-apiserver")));
    } catch (IOException e) {
      return false;
    }
  }

  private static void install(KubernetesClient client, String yaml) {
    CustomResourceDefinition crd =
        client
            .apiextensions()
            .v1()
            .customResourceDefinitions()
            .load(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)))
            .item();
    client.resource(crd).create();
    client
        .apiextensions()
        .v1()
        .customResourceDefinitions()
        .withName(crd.getMetadata().getName())
        .waitUntilCondition(
            c ->
                c.getStatus() != null
                    && c.getStatus().getConditions() != null
                    && c.getStatus().getConditions().stream()
                        .anyMatch(
                            cond ->
                                "Established".equals(cond.getType())
                                    && "True".equals(cond.getStatus())),
            Duration.ofSeconds(30).toMillis(),
            TimeUnit.MILLISECONDS);
  }

  static String resource(String path) {
    try (InputStream in = TestApiServer.class.getResourceAsStream(path)) {
      if (in == null) throw new IllegalStateException("missing test resource " + path);
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
