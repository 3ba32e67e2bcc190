package dev.apicontroller.operator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * kube-controller-manager with only the garbage collector, against the test API server:
 * kube-api-test starts no controllers, and owner-reference cleanup is the controller manager's job.
 * Started only when the binary sits next to kube-apiserver (test-cluster/build.sh builds it).
 */
final class TestControllerManager {
  private TestControllerManager() {}

  /** The binary, when present. */
  static Optional<Path> binary() {
    try (Stream<Path> versions = Files.list(TestApiServer.kubeApiTestDir().resolve("k8s"))) {
      return versions
          .map(v -> v.resolve("kube-controller-manager"))
          .filter(Files::isExecutable)
          .sorted()
          .reduce((a, b) -> b);
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  /** Starts it with the garbage collector only; stopped when the JVM exits. */
  static void start(Path binary, String kubeconfigYaml) {
    try {
      Path work = Files.createTempDirectory("kube-controller-manager");
      Path kubeconfig = work.resolve("kubeconfig.yaml");
      Files.writeString(kubeconfig, kubeconfigYaml);
      Process process =
          new ProcessBuilder(
                  binary.toString(),
                  "--kubeconfig=" + kubeconfig,
                  "--controllers=garbagecollector",
                  "--leader-elect=false",
                  "--secure-port=0",
                  "--use-service-account-credentials=false")
              .redirectErrorStream(true)
              .redirectOutput(Path.of("target", "kube-controller-manager.log").toFile())
              .start();
      Runtime.getRuntime()
          .addShutdownHook(new Thread(process::destroy, "kube-controller-manager-stop"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
