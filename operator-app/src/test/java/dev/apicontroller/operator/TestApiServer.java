package dev.apicontroller.operator;

import dev.apicontroller.model.ApiCrd;
import io.fabric8.kubeapitest.KubeAPIServer;
import io.fabric8.kubeapitest.KubeAPIServerConfigBuilder;
import io.fabric8.kubeapitest.process.KubeAPIServerProcess;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One real kube-apiserver (with etcd) for the whole integration-test JVM, started through
 * kube-api-test, with our CRD, Istio's and Gateway API's own CRDs ({@link UpstreamCrds}), the
 * project-written legacy Policy CRD and deploy/'s ServiceAccount and RBAC installed. The binaries
 * come from {@code test-cluster/build.sh} here (offline mode); elsewhere kube-api-test downloads
 * them.
 */
final class TestApiServer {
  /** Istio 1.5's {@code authentication.istio.io/v1alpha1} Policy: no current module ships it. */
  static final String LEGACY_POLICY_CRD = "/crds/policies.authentication.istio.io.yaml";

  private static Config config;
  private static KubeAPIServer server;

  private TestApiServer() {}

  /** Whether owner-reference garbage collection runs (kube-controller-manager was found). */
  static boolean garbageCollects() {
    config();
    return TestControllerManager.binary().isPresent();
  }

  /** The client configuration of the shared server, started on first use. */
  static synchronized Config config() {
    if (config == null) {
      server = newServer();
      server.start();
      Runtime.getRuntime().addShutdownHook(new Thread(server::stop, "kube-api-test-stop"));
      config = Config.fromKubeconfig(server.getKubeConfigYaml());
      TestControllerManager.binary()
          .ifPresent(b -> TestControllerManager.start(b, server.getKubeConfigYaml()));
      try (KubernetesClient client = new KubernetesClientBuilder().withConfig(config).build()) {
        install(client, ApiCrd.yaml());
        install(client, resource(LEGACY_POLICY_CRD));
        install(client, UpstreamCrds.all());
        OperatorServiceAccount.install(client);
      }
    }
    return config;
  }

  /** The shared server's admin kubeconfig, for a process of its own (the scale benchmark). */
  static synchronized String kubeConfigYaml() {
    config();
    return server.getKubeConfigYaml();
  }

  /**
   * The shared server's admin configuration acting as deploy/'s ServiceAccount: a client built from
   * it has exactly the rights deploy/'s RBAC grants the operator.
   */
  static synchronized Config serviceAccountConfig() {
    return OperatorServiceAccount.impersonating(config());
  }

  /**
   * A server (etcd and kube-apiserver) configured like the shared one, not started: for a test that
   * needs a cluster of its own, such as one without our CRD.
   */
  static KubeAPIServer newServer() {
    return new KubeAPIServer(
        KubeAPIServerConfigBuilder.anAPIServerConfig()
            .withOfflineMode(binariesPresent())
            .withUpdateKubeConfig(false)
            // kube-api-test binds to every interface by default; tests need loopback only.
            // (etcd's listen address is fixed by kube-api-test and cannot be set.)
            .withApiServerFlag("--bind-address", "127.0.0.1")
            .build());
  }

  /**
   * Kills the kube-apiserver process (SIGKILL, like a crash) and starts it again with the same
   * command line: the same port, certificates and etcd, so clients keep their configuration and
   * every stored object survives. kube-api-test has no restart (its start() picks a new port and
   * its stop() also wipes etcd), so this reaches into its process holder by reflection; the new
   * process is handed back to it, so its stop() at JVM exit kills that one.
   *
   * @return the process ids before and after
   */
  static synchronized long[] restartApiServer() {
    config();
    try {
      Field holderField = KubeAPIServer.class.getDeclaredField("kubeApiServerProcess");
      holderField.setAccessible(true);
      KubeAPIServerProcess holder = (KubeAPIServerProcess) holderField.get(server);
      Field processField = KubeAPIServerProcess.class.getDeclaredField("apiServerProcess");
      processField.setAccessible(true);
      Process running = (Process) processField.get(holder);
      ProcessHandle.Info info = running.info();
      List<String> command = new ArrayList<>();
      command.add(info.command().orElseThrow(() -> new IllegalStateException("no command")));
      command.addAll(
          List.of(info.arguments().orElseThrow(() -> new IllegalStateException("no arguments"))));
      holder.stopApiServer();
      Path log = Files.createTempFile("kube-apiserver-restarted", ".log");
      Process restarted =
          new ProcessBuilder(command)
              .redirectErrorStream(true)
              .redirectOutput(log.toFile())
              .start();
      processField.set(holder, restarted);
      Field stopped = KubeAPIServerProcess.class.getDeclaredField("stopped");
      stopped.setAccessible(true);
      stopped.setBoolean(holder, false);
      awaitReady(restarted, log);
      return new long[] {running.pid(), restarted.pid()};
    } catch (ReflectiveOperationException | IOException e) {
      throw new IllegalStateException("cannot restart kube-apiserver", e);
    }
  }

  private static void awaitReady(Process process, Path log) {
    long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
    try (KubernetesClient client = new KubernetesClientBuilder().withConfig(config).build()) {
      while (System.nanoTime() < deadline) {
        if (!process.isAlive()) {
          throw new IllegalStateException("kube-apiserver exited on restart; see " + log);
        }
        try {
          String ready =
              client.raw(
                  java.net
                      .URI
                      .create(client.getMasterUrl().toString())
                      .resolve("/readyz")
                      .toString());
          if ("ok".equals(ready)) return;
        } catch (RuntimeException notYet) {
          // still starting
        }
        Thread.sleep(250);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    throw new IllegalStateException("kube-apiserver not ready 90 s after restart; see " + log);
  }

  /**
   * kube-api-test's folder ({@code KUBE_API_TEST_DIR} or {@code ~/.kubeapitest}), where
   * test-cluster's scripts put the binaries ({@code k8s/}) and the upstream CRDs ({@code crds/}).
   */
  static Path kubeApiTestDir() {
    String dir = System.getenv(KubeAPIServerConfigBuilder.KUBE_API_TEST_DIR);
    return dir != null
        ? Path.of(dir)
        : Path.of(System.getProperty("user.home"), KubeAPIServerConfigBuilder.DIRECTORY_NAME);
  }

  private static boolean binariesPresent() {
    try (var versions = Files.list(kubeApiTestDir().resolve("k8s"))) {
      return versions.anyMatch(p -> Files.isExecutable(p.resolve("kube-apiserver")));
    } catch (IOException e) {
      return false;
    }
  }

  static void install(KubernetesClient client, String yaml) {
    install(
        client,
        List.of(
            client
                .apiextensions()
                .v1()
                .customResourceDefinitions()
                .load(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)))
                .item()));
  }

  /** Creates every CRD, then waits until each is Established. */
  static void install(KubernetesClient client, List<CustomResourceDefinition> crds) {
    for (CustomResourceDefinition crd : crds) client.resource(crd).create();
    for (CustomResourceDefinition crd : crds) awaitEstablished(client, crd);
  }

  private static void awaitEstablished(KubernetesClient client, CustomResourceDefinition crd) {
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
