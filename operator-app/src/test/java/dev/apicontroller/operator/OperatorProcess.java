package dev.apicontroller.operator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The real operator (the shaded jar {@code package} builds) as a separate JVM, so that it can be
 * killed with SIGKILL like a crashed pod. It reaches the API server through the URL it is given (a
 * {@link FaultInjectingProxy}); its log is appended to {@code target/faults/<name>.log}.
 */
final class OperatorProcess implements AutoCloseable {
  private static final Path JAR =
      Path.of(
          System.getProperty("apicontroller.operator.jar", "target/api-controller-operator.jar"));
  private static final HttpClient PROBE =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  private final String name;
  private final Map<String, String> env;
  private final Path kubeconfig;
  private final Path log;
  private Process process;
  private int metricsPort;
  private int starts;
  private boolean killed;
  private int selfExits;

  /**
   * @param name also the replica's identity in the leader Lease ({@code HOSTNAME})
   * @param apiServerUrl a plain-HTTP URL that needs no credentials (the proxy adds them)
   * @param env the operator's settings
   */
  OperatorProcess(String name, String apiServerUrl, Map<String, String> env) {
    this.name = name;
    this.env = new HashMap<>(env);
    Path dir = Path.of("target", "faults");
    try {
      Files.createDirectories(dir);
      kubeconfig = dir.resolve(name + "-kubeconfig.yaml");
      Files.writeString(kubeconfig, kubeconfig(apiServerUrl));
      log = dir.resolve(name + ".log");
      Files.deleteIfExists(log);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (!Files.isRegularFile(JAR)) {
      throw new IllegalStateException(
          JAR.toAbsolutePath() + " is missing: run the integration tests with `verify`");
    }
  }

  /** A kubeconfig that reaches the API server through {@code url}, with no credentials. */
  static String kubeconfig(String url) {
    return """
        apiVersion: v1
        kind: Config
        clusters:
        - name: proxy
          cluster:
            server: %s
        users:
        - name: proxy
          user: {}
        contexts:
        - name: proxy
          context:
            cluster: proxy
            user: proxy
        current-context: proxy
        """
        .formatted(url);
  }

  synchronized void start() {
    if (process != null && process.isAlive()) throw new IllegalStateException(name + " runs");
    killed = false;
    metricsPort = freePort();
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    // Small and quick to start: several of these share two cores with the API server.
    command.addAll(List.of("-Xmx384m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1"));
    command.addAll(List.of("-jar", JAR.toString()));
    ProcessBuilder builder = new ProcessBuilder(command);
    builder.environment().remove("KUBERNETES_SERVICE_HOST");
    builder.environment().putAll(env);
    builder.environment().put("KUBECONFIG", kubeconfig.toAbsolutePath().toString());
    builder.environment().put("METRICS_PORT", Integer.toString(metricsPort));
    builder.environment().put("HOSTNAME", name);
    builder.redirectErrorStream(true);
    builder.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
    try {
      Files.writeString(
          log,
          "=== start " + (++starts) + " of " + name + "\n",
          java.nio.file.StandardOpenOption.CREATE,
          java.nio.file.StandardOpenOption.APPEND);
      process = builder.start();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Changes settings for the next {@link #start()}, as a new pod template would. */
  synchronized void configure(Map<String, String> settings) {
    env.putAll(settings);
  }

  /** SIGKILL: no shutdown hook runs, in-flight requests are cut as in a crashed pod. */
  synchronized void kill() {
    if (process == null) return;
    killed = true;
    process.destroyForcibly();
    try {
      process.waitFor(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /**
   * Starts the operator again if it exited by itself (not killed), as the kubelet restarts a pod's
   * container: java-operator-sdk stops the operator when an informer's watch fails for good, and
   * relies on that restart. Returns whether it restarted.
   */
  synchronized boolean restartIfExited() {
    if (process == null || process.isAlive() || killed) return false;
    selfExits++;
    start();
    return true;
  }

  /** How often the operator exited by itself and was started again. */
  synchronized int selfExits() {
    return selfExits;
  }

  synchronized boolean alive() {
    return process != null && process.isAlive();
  }

  /** Whether {@code /readyz} answers 200: started, informers connected (and, if elected, led). */
  boolean ready() {
    int port;
    synchronized (this) {
      if (!alive()) return false;
      port = metricsPort;
    }
    try {
      HttpResponse<Void> response =
          PROBE.send(
              HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/readyz"))
                  .timeout(Duration.ofSeconds(2))
                  .build(),
              HttpResponse.BodyHandlers.discarding());
      return response.statusCode() == 200;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  void awaitReady(Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      if (!alive()) {
        throw new IllegalStateException(name + " exited with " + exitCode() + "; see " + log);
      }
      if (ready()) return;
      try {
        Thread.sleep(200);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
    throw new IllegalStateException(name + " not ready after " + timeout + "; see " + log);
  }

  synchronized Integer exitCode() {
    return process == null || process.isAlive() ? null : process.exitValue();
  }

  Path log() {
    return log;
  }

  String name() {
    return name;
  }

  static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** SIGTERM (the operator's clean stop), SIGKILL if it does not end in 10 s. */
  @Override
  public synchronized void close() {
    if (process == null) return;
    killed = true; // stopped on purpose: not one for restartIfExited to start again
    process.destroy();
    try {
      if (!process.waitFor(10, TimeUnit.SECONDS)) kill();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      kill();
    }
  }
}
