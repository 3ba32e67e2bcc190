package dev.apicontroller.operator;

import dev.apicontroller.k8s.ApiResource;
import io.fabric8.kubernetes.api.model.AuthInfoBuilder;
import io.fabric8.kubernetes.api.model.NamedAuthInfo;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.authentication.TokenRequestBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The scale benchmark (issue 14, run by {@code benchmarks/scale.sh}, not part of {@code ./test}): a
 * real kube-apiserver, the operator jar as its own JVM with the Deployment's JVM flags and memory
 * limit, N secured {@code Api}s (one issuer, two excluded paths) in 20 namespaces created 8 at a
 * time by server-side apply. Prints creation and convergence times, per-{@code Api} latency, the
 * operator's memory, its writes and reconciles (read from its own metrics), and restart times.
 *
 * <p>Arguments: N, the memory limit as a JVM size ({@code 512m}), the operator jar, the JVM flags
 * of the Deployment's {@code JAVA_TOOL_OPTIONS}, and optionally more flags for the operator's
 * command line (a measurement's, such as native memory tracking).
 */
final class ScaleBenchmark {
  private static final int NAMESPACES = 20;
  private static final int CREATORS = 8;
  private static final Duration QUIET = Duration.ofSeconds(20);
  private static final Duration SAMPLE_EVERY = Duration.ofSeconds(5);
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  private final int apis;
  private final String memoryLimit;
  private final Path jar;
  private final String jvmFlags;
  private final List<String> extraFlags;
  private final Path dir = Path.of("target", "scale");
  private final Map<String, Long> created = new ConcurrentHashMap<>();
  private final Map<String, Long> ready = new ConcurrentHashMap<>();
  private Process operator;
  private int metricsPort;
  private int starts;

  private ScaleBenchmark(
      int apis, String memoryLimit, Path jar, String jvmFlags, List<String> extraFlags) {
    this.apis = apis;
    this.memoryLimit = memoryLimit;
    this.jar = jar;
    this.jvmFlags = jvmFlags;
    this.extraFlags = extraFlags;
  }

  public static void main(String[] args) throws Exception {
    if (args.length < 4) {
      System.err.println(
          "usage: ScaleBenchmark N MEMORY_LIMIT OPERATOR_JAR JVM_FLAGS [OPERATOR_JAVA_OPTIONS]");
      System.exit(2);
    }
    List<String> extra =
        args.length > 4 && !args[4].isBlank() ? List.of(args[4].trim().split("\\s+")) : List.of();
    ScaleBenchmark benchmark =
        new ScaleBenchmark(Integer.parseInt(args[0]), args[1], Path.of(args[2]), args[3], extra);
    try {
      benchmark.run();
    } finally {
      benchmark.stopOperator();
    }
    // kube-api-test's shutdown hook stops the API server and etcd.
    System.exit(0);
  }

  private void run() throws Exception {
    Files.createDirectories(dir);
    long serverStart = System.nanoTime();
    var admin = TestApiServer.config();
    print("API server and CRDs ready in %.1f s", seconds(System.nanoTime() - serverStart));

    try (KubernetesClient user = new KubernetesClientBuilder().withConfig(admin).build()) {
      // As the operator does: its watch reads each Api event straight into an ApiResource.
      ApiControllerOperator.readsApiEventsTyped(user.getKubernetesSerialization());
      Path kubeconfig = dir.resolve("kubeconfig.yaml");
      Files.writeString(kubeconfig, serviceAccountKubeconfig(user));
      startOperator(kubeconfig);
      long up = System.nanoTime();
      awaitReady(Duration.ofMinutes(5));
      print(
          "operator started: /readyz after %.1f s (empty cluster)",
          seconds(System.nanoTime() - up));

      SharedIndexInformer<ApiResource> watch =
          user.resources(ApiResource.class).inAnyNamespace().inform(new ReadyRecorder());
      for (int n = 0; n < NAMESPACES; n++) {
        user.resource(
                new NamespaceBuilder()
                    .withNewMetadata()
                    .withName(namespace(n))
                    .endMetadata()
                    .build())
            .serverSideApply();
      }

      Map<String, Double> cpuBefore = cpuSeconds();
      long first = System.nanoTime();
      ExecutorService creators = Executors.newFixedThreadPool(CREATORS);
      for (int i = 0; i < apis; i++) {
        int index = i;
        creators.submit(() -> create(user, index));
      }
      creators.shutdown();
      while (!creators.awaitTermination(1, TimeUnit.SECONDS)) sampleQueue();
      long last = System.nanoTime();
      print(
          "created %d Apis in %.1f s (%d namespaces, %d at a time, server-side apply)",
          apis, seconds(last - first), NAMESPACES, CREATORS);

      long deadline = System.nanoTime() + Duration.ofSeconds(Math.max(600, apis / 10)).toNanos();
      while (ready.size() < apis && System.nanoTime() < deadline) {
        Thread.sleep(1000);
        checkAlive();
        sampleQueue();
      }
      print(
          "during creation: at most %.0f reconciles queued and %.0f running (sampled every %d s)",
          maxQueued, maxRunning, SAMPLE_EVERY.toSeconds());
      if (ready.size() < apis) {
        print(
            "NOT CONVERGED: %d of %d Apis Ready after %.0f s; operator log %s",
            ready.size(), apis, seconds(System.nanoTime() - first), dir.resolve("operator.log"));
      }
      long allReady = ready.values().stream().mapToLong(Long::longValue).max().orElse(last);
      print(
          "first create -> all Ready %.1f s; last create -> all Ready %.1f s",
          seconds(allReady - first), seconds(allReady - last));
      long[] latency =
          ready.entrySet().stream()
              .mapToLong(
                  e -> Math.max(0, e.getValue() - created.getOrDefault(e.getKey(), e.getValue())))
              .sorted()
              .toArray();
      print(
          "per-Api create -> Ready: p50 %.1f s, p99 %.1f s, max %.1f s",
          seconds(percentile(latency, 50)),
          seconds(percentile(latency, 99)),
          seconds(percentile(latency, 100)));

      Map<String, Double> converged = awaitQuiet("convergence", allReady);
      printWork("convergence", converged, apis);
      printCpu("creation to quiet", cpuBefore, cpuSeconds(), apis);
      memory();

      // Restart: a new process (as a pod would be), nothing changed.
      stopOperator();
      Map<String, Double> cpuRestart = cpuSeconds();
      long restart = System.nanoTime();
      startOperator(kubeconfig);
      awaitReady(Duration.ofMinutes(10));
      long readyAgain = System.nanoTime();
      print("restart -> /readyz %.1f s", seconds(readyAgain - restart));
      printCpu("restart to /readyz", cpuRestart, cpuSeconds(), apis);
      Map<String, Double> resynced = awaitQuiet("restart", readyAgain);
      printWork("after restart", resynced, apis);
      printCpu("restart to quiet", cpuRestart, cpuSeconds(), apis);
      memory();
      watch.close();
    }
  }

  /**
   * The admin kubeconfig with deploy/'s ServiceAccount's token in place of the admin's client
   * certificate: the operator runs as in a cluster, with deploy/'s RBAC and a bearer token. (With a
   * client certificate and no token, fabric8 reads the kubeconfig file again before every request
   * after the first minute, looking for a token to refresh: 9% of the operator's CPU here.)
   */
  private static String serviceAccountKubeconfig(KubernetesClient admin) {
    String token =
        admin
            .serviceAccounts()
            .inNamespace(OperatorServiceAccount.namespace())
            .withName(OperatorServiceAccount.name())
            .tokenRequest(
                new TokenRequestBuilder()
                    .withNewSpec()
                    .withExpirationSeconds(Duration.ofDays(1).toSeconds())
                    .endSpec()
                    .build())
            .getStatus()
            .getToken();
    var serialization = admin.getKubernetesSerialization();
    io.fabric8.kubernetes.api.model.Config kubeconfig =
        serialization.unmarshal(
            TestApiServer.kubeConfigYaml(), io.fabric8.kubernetes.api.model.Config.class);
    for (NamedAuthInfo user : kubeconfig.getUsers()) {
      user.setUser(new AuthInfoBuilder().withToken(token).build());
    }
    return serialization.asYaml(kubeconfig);
  }

  private void create(KubernetesClient user, int i) {
    String ns = namespace(i % NAMESPACES);
    String name = "api-" + i;
    String yaml = securedApiYaml(name, ns, i);
    ApiResource api = user.getKubernetesSerialization().unmarshal(yaml, ApiResource.class);
    try {
      user.resource(api).fieldManager("scale-benchmark").forceConflicts().serverSideApply();
      created.put(ns + "/" + name, System.nanoTime());
    } catch (RuntimeException e) {
      System.err.println("create " + ns + "/" + name + " failed: " + e);
    }
  }

  /**
   * The benchmark's {@code Api} number {@code i}: one JWT issuer (of ten), two excluded paths, its
   * own Service and host.
   */
  static String securedApiYaml(String name, String namespace, int i) {
    return """
        apiVersion: gateway.kyma-project.io/v1alpha2
        kind: Api
        metadata:
          name: %s
          namespace: %s
        spec:
          service:
            name: svc-%d
            port: 8080
          hostname: %s-%d
          authentication:
          - type: JWT
            jwt:
              issuer: https://issuer-%d.example.com
              jwksUri: https://issuer-%d.example.com/jwks
              triggerRule:
                excludedPaths:
                - exact: /healthz
                - prefix: /public/
        """
        .formatted(name, namespace, i, namespace, i, i % 10, i % 10);
  }

  private final class ReadyRecorder implements ResourceEventHandler<ApiResource> {
    @Override
    public void onAdd(ApiResource api) {
      record(api);
    }

    @Override
    public void onUpdate(ApiResource before, ApiResource api) {
      record(api);
    }

    @Override
    public void onDelete(ApiResource api, boolean unknown) {}

    private void record(ApiResource api) {
      if (api.getStatus() != null
          && api.getStatus().virtualServiceStatus() != null
          && api.getStatus().virtualServiceStatus().code() == 2) {
        ready.putIfAbsent(api.qualifiedName(), System.nanoTime());
      }
    }
  }

  /**
   * Waits until the operator has started no reconcile for {@link #QUIET}; prints when the last one
   * started, counted from {@code since}. Returns the metrics then.
   */
  private Map<String, Double> awaitQuiet(String phase, long since) throws Exception {
    double reconciles = -1;
    long lastChange = System.nanoTime();
    long deadline = System.nanoTime() + Duration.ofMinutes(30).toNanos();
    Map<String, Double> metrics = Map.of();
    while (System.nanoTime() < deadline) {
      metrics = metrics();
      double now = sum(metrics, "apicontroller_reconcile_duration_seconds_count");
      if (now != reconciles) {
        reconciles = now;
        lastChange = System.nanoTime();
      } else if (System.nanoTime() - lastChange > QUIET.toNanos()) {
        print(
            "%s: quiet (no reconcile for %d s) %.1f s after %s",
            phase,
            QUIET.toSeconds(),
            seconds(Math.max(0, lastChange - since)),
            phase.equals("restart") ? "/readyz" : "all Ready");
        return metrics;
      }
      Thread.sleep(1000);
    }
    print("%s: NOT QUIET after 30 min", phase);
    return metrics;
  }

  private double maxQueued;
  private double maxRunning;

  /** When the queue was last sampled; the first call samples (nanoTime may be negative). */
  private long lastSample = System.nanoTime() - SAMPLE_EVERY.toNanos();

  /**
   * Samples the reconcile queue every {@link #SAMPLE_EVERY}: each scrape renders all of the
   * operator's metrics (~25 ms of its CPU under the client compiler), which once a second took ~4 %
   * of the operator's CPU in a profile of 4,000, a cost no production scrape interval has.
   */
  private void sampleQueue() throws Exception {
    if (System.nanoTime() - lastSample < SAMPLE_EVERY.toNanos()) return;
    lastSample = System.nanoTime();
    Map<String, Double> metrics = metrics();
    maxQueued = Math.max(maxQueued, sum(metrics, "apicontroller_reconciles_queued"));
    maxRunning = Math.max(maxRunning, sum(metrics, "apicontroller_reconciles_running"));
  }

  private void printWork(String phase, Map<String, Double> metrics, int n) {
    double writes = 0;
    double events = 0;
    Map<String, Double> byResource = new TreeMap<>();
    for (var e : metrics.entrySet()) {
      if (!e.getKey().startsWith("apicontroller_api_writes_total{")) continue;
      if (e.getKey().contains("resource=\"events\"")) {
        events += e.getValue();
      } else {
        writes += e.getValue();
        byResource.put(e.getKey().substring(e.getKey().indexOf('{')), e.getValue());
      }
    }
    double reconciles = sum(metrics, "apicontroller_reconcile_duration_seconds_count");
    print(
        "%s (totals since the operator started): writes %.0f (%.2f per Api) besides %.0f Events %s",
        phase, writes, writes / n, events, byResource);
    Map<String, Double> triggers = new TreeMap<>();
    metrics.forEach(
        (k, v) -> {
          if (k.startsWith("apicontroller_reconcile_triggers_total{")) {
            triggers.put(k.substring(k.indexOf('{')), v);
          }
        });
    print(
        "%s: reconciles %.0f (%.2f per Api); triggers by source %s",
        phase, reconciles, reconciles / n, triggers);
  }

  /**
   * CPU seconds (user + system, from /proc) of the operator and of this JVM's child processes (the
   * API server and etcd), by executable name; the operator counts only its current process.
   */
  private Map<String, Double> cpuSeconds() {
    Map<String, Double> cpu = new TreeMap<>();
    cpu.put("operator", cpuSeconds(operator.toHandle()));
    cpu.put("benchmark", cpuSeconds(ProcessHandle.current()));
    ProcessHandle.current()
        .descendants()
        .filter(p -> p.pid() != operator.pid())
        .forEach(
            p -> {
              String name =
                  p.info().command().map(c -> Path.of(c).getFileName().toString()).orElse("?");
              if (!name.equals("java")) cpu.merge(name, cpuSeconds(p), Double::sum);
            });
    return cpu;
  }

  static double cpuSeconds(ProcessHandle process) {
    return process.info().totalCpuDuration().map(d -> d.toNanos() / 1e9).orElse(0.0);
  }

  private void printCpu(
      String phase, Map<String, Double> before, Map<String, Double> after, int n) {
    StringBuilder line = new StringBuilder();
    after.forEach(
        (name, seconds) -> {
          // Before a restart the stopped operator reads 0: the new one counts from its start.
          double used = seconds - before.getOrDefault(name, 0.0);
          line.append(
              String.format(
                  Locale.ROOT, "; %s %.1f s (%.2f ms per Api)", name, used, used * 1000 / n));
        });
    print("CPU %s%s", phase, line);
  }

  private void memory() throws Exception {
    long pid = operator.pid();
    String rss =
        Files.readAllLines(Path.of("/proc/" + pid + "/status")).stream()
            .filter(l -> l.startsWith("VmRSS") || l.startsWith("VmHWM"))
            .map(l -> l.replaceAll("\\s+", " "))
            .reduce((a, b) -> a + ", " + b)
            .orElse("?");
    String histogram = jcmd(pid, "GC.class_histogram"); // a full collection first
    String heap = jcmd(pid, "GC.heap_info");
    Files.writeString(dir.resolve("histogram-" + apis + "-" + starts + ".txt"), histogram);
    print("operator memory: %s; CPU %.1f s since it started", rss, cpuSeconds(operator.toHandle()));
    // With -XX:NativeMemoryTracking=summary in the flags: where the memory besides the heap goes.
    String nativeMemory = jcmd(pid, "VM.native_memory summary");
    if (nativeMemory.contains("committed=")) {
      Path file = dir.resolve("native-memory-" + apis + "-" + starts + ".txt");
      Files.writeString(file, nativeMemory);
      print("  native memory (committed, full file %s):", file);
      for (String line : nativeMemory.split("\n")) {
        if (line.startsWith("Total") || line.startsWith("-")) print("  %s", line.trim());
      }
    }
    for (String line : heap.split("\n")) {
      if (line.contains("total") || line.contains("used"))
        print("  heap after GC: %s", line.trim());
    }
    List<String> top = Arrays.stream(histogram.split("\n")).skip(3).limit(16).toList();
    print(
        "  class histogram (top 15, full file %s):",
        dir.resolve("histogram-" + apis + "-" + starts + ".txt"));
    top.forEach(l -> print("  %s", l));
  }

  private static String jcmd(long pid, String command) throws Exception {
    Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
    Process p =
        new ProcessBuilder(jcmd.toString(), Long.toString(pid), command)
            .redirectErrorStream(true)
            .start();
    String out = new String(p.getInputStream().readAllBytes());
    p.waitFor(2, TimeUnit.MINUTES);
    return out;
  }

  private void startOperator(Path kubeconfig) throws IOException {
    metricsPort = OperatorProcess.freePort();
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    // The pod's memory limit as the JVM sees it in a container: heap, GC choice and sizing follow.
    command.add("-XX:MaxRAM=" + memoryLimit);
    // Extra flags for a measurement, not the pod's; {start} becomes 0 for the first start, 1 after
    // the restart (-XX:StartFlightRecording=filename=target/scale/operator-{start}.jfr).
    for (String flag : extraFlags) command.add(flag.replace("{start}", Integer.toString(starts)));
    command.addAll(List.of("-jar", jar.toString()));
    ProcessBuilder builder = new ProcessBuilder(command);
    builder.environment().remove("KUBERNETES_SERVICE_HOST");
    builder.environment().put("JAVA_TOOL_OPTIONS", jvmFlags);
    // The Deployment's MALLOC_ARENA_MAX (scale.sh passes it on from deployment.yaml).
    String arenas = System.getenv("MALLOC_ARENA_MAX");
    if (arenas != null && !arenas.isBlank()) builder.environment().put("MALLOC_ARENA_MAX", arenas);
    else builder.environment().remove("MALLOC_ARENA_MAX");
    builder.environment().put("KUBECONFIG", kubeconfig.toAbsolutePath().toString());
    builder.environment().put("METRICS_PORT", Integer.toString(metricsPort));
    builder.environment().put("ISTIO_PROFILE", "legacy");
    builder.environment().put("DOMAIN_NAME", "kyma.local");
    builder.environment().put("GATEWAY_FQDN", "kyma-gateway.kyma-system.svc.cluster.local");
    builder.environment().put("LEADER_ELECTION", "false");
    builder.environment().put("HOSTNAME", "scale-benchmark");
    builder.redirectErrorStream(true);
    Path log = dir.resolve("operator.log");
    if (starts++ == 0) Files.deleteIfExists(log);
    builder.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
    operator = builder.start();
    print(
        "operator pid %d: java -XX:MaxRAM=%s %s-jar %s, JAVA_TOOL_OPTIONS=%s, MALLOC_ARENA_MAX=%s",
        operator.pid(),
        memoryLimit,
        extraFlags.stream().map(f -> f + " ").reduce("", String::concat),
        jar,
        jvmFlags,
        builder.environment().get("MALLOC_ARENA_MAX"));
  }

  private void stopOperator() throws InterruptedException {
    if (operator == null) return;
    operator.destroy();
    if (!operator.waitFor(30, TimeUnit.SECONDS)) {
      operator.destroyForcibly();
      operator.waitFor(10, TimeUnit.SECONDS);
    }
  }

  private void checkAlive() {
    if (!operator.isAlive()) {
      throw new IllegalStateException(
          "operator exited with " + operator.exitValue() + "; see " + dir.resolve("operator.log"));
    }
  }

  private void awaitReady(Duration timeout) throws Exception {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      checkAlive();
      try {
        if (get("/readyz").statusCode() == 200) return;
      } catch (IOException notYet) {
        // not listening yet
      }
      Thread.sleep(100);
    }
    throw new IllegalStateException("operator not ready after " + timeout);
  }

  private HttpResponse<String> get(String path) throws IOException, InterruptedException {
    return HTTP.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + metricsPort + path))
            .timeout(Duration.ofSeconds(10))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static final Pattern SAMPLE = Pattern.compile("^([a-zA-Z_:][^ ]*) ([0-9.eE+-]+|NaN)$");

  /** The operator's metrics, by series (name and labels). */
  private Map<String, Double> metrics() throws Exception {
    Map<String, Double> series = new TreeMap<>();
    try {
      for (String line : get("/metrics").body().split("\n")) {
        Matcher m = SAMPLE.matcher(line);
        if (m.matches()) series.put(m.group(1), Double.parseDouble(m.group(2)));
      }
    } catch (IOException e) {
      checkAlive();
    }
    return series;
  }

  private static double sum(Map<String, Double> metrics, String name) {
    return metrics.entrySet().stream()
        .filter(e -> e.getKey().equals(name) || e.getKey().startsWith(name + "{"))
        .mapToDouble(Map.Entry::getValue)
        .sum();
  }

  private static long percentile(long[] sorted, int p) {
    if (sorted.length == 0) return 0;
    int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
  }

  private static String namespace(int n) {
    return "scale-" + n;
  }

  private static double seconds(long nanos) {
    return nanos / 1e9;
  }

  private static void print(String format, Object... args) {
    System.out.println("SCALE " + String.format(Locale.ROOT, format, args));
  }
}
