package dev.apicontroller.operator;

import dev.apicontroller.k8s.ApiResource;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.http.HttpClient;
import io.fabric8.kubernetes.client.http.HttpRequest;
import io.fabric8.kubernetes.client.http.HttpResponse;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntConsumer;

/**
 * What one write costs kube-apiserver, by kind of write (docs/performance.md, "Where
 * kube-apiserver's CPU goes"): M {@code Api}s in two sets, each written the way the benchmark's
 * driver and the operator write them, and the second set the way they could be written instead (a
 * JSON patch for the finalizer, a merge patch for the status, a plain create for the Policy).
 * Prints kube-apiserver's CPU per request of each step. No operator runs; the request bodies are
 * the operator's, sent raw so that the client's own work does not differ between the steps.
 *
 * <pre>benchmarks/write-cost.sh [M]</pre>
 */
public final class WriteCostBenchmark {
  private static final int NAMESPACES = 20;
  private static final int WRITERS = 8;
  private static final String APPLY = "application/apply-patch+yaml";
  private static final String APIS = "/apis/gateway.kyma-project.io/v1alpha2/namespaces/";
  private static final String POLICIES = "/apis/authentication.istio.io/v1alpha1/namespaces/";

  private final KubernetesClient client;
  private final int apis;
  private final Map<String, String> uids = new ConcurrentHashMap<>();

  private WriteCostBenchmark(KubernetesClient client, int apis) {
    this.client = client;
    this.apis = apis;
  }

  public static void main(String[] args) {
    int apis = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
    int exit = 0;
    try (KubernetesClient client =
        new KubernetesClientBuilder().withConfig(TestApiServer.config()).build()) {
      new WriteCostBenchmark(client, apis).run();
    } catch (Exception e) {
      e.printStackTrace();
      exit = 1;
    }
    System.exit(exit); // kube-api-test's shutdown hook stops the API server and etcd
  }

  private void run() throws Exception {
    for (int n = 0; n < NAMESPACES; n++) {
      client
          .resource(new NamespaceBuilder().withNewMetadata().withName(ns(n)).endMetadata().build())
          .serverSideApply();
    }
    for (String set : List.of("a", "b")) {
      step(
          "create the Api, server-side apply (" + set + ")",
          i -> {
            String written =
                send("PATCH", api(set, i, "scale-benchmark&force=true"), APPLY, apiJson(set, i));
            uids.put(
                set + i,
                client
                    .getKubernetesSerialization()
                    .unmarshal(written, ApiResource.class)
                    .getMetadata()
                    .getUid());
          });
    }
    step(
        "finalizer, server-side apply (a)",
        i -> send("PATCH", api("a", i, "api-controller&force=true"), APPLY, finalizerJson(i)));
    step(
        "finalizer, JSON patch (b)",
        i ->
            send(
                "PATCH",
                api("b", i, "api-controller"),
                "application/json-patch+json",
                "[{\"op\":\"add\",\"path\":\"/metadata/finalizers\",\"value\":[\"api-controller/finalizer\"]}]"));
    step(
        "Policy, server-side apply (a)",
        i ->
            send(
                "PATCH",
                POLICIES + ns(i) + "/policies/a" + i + "?fieldManager=api-controller&force=true",
                APPLY,
                policyJson("a", i)));
    step(
        "Policy, create (b)",
        i ->
            send(
                "POST",
                POLICIES + ns(i) + "/policies?fieldManager=api-controller",
                "application/json",
                policyJson("b", i)));
    IntConsumer applyStatus =
        i ->
            send(
                "PATCH",
                status("a", i, "api-controller&force=true"),
                APPLY,
                statusJson("a", i, true));
    step("status, server-side apply (a)", applyStatus);
    step(
        "status, merge patch (b)",
        i ->
            send(
                "PATCH",
                status("b", i, "api-controller"),
                "application/merge-patch+json",
                statusJson("b", i, false)));
    step("status again, unchanged (a)", applyStatus);
  }

  private void step(String what, IntConsumer write) throws Exception {
    double before = apiServerCpuSeconds();
    long start = System.nanoTime();
    ExecutorService writers = Executors.newFixedThreadPool(WRITERS);
    List<Future<?>> done = new ArrayList<>();
    for (int i = 0; i < apis; i++) {
      int index = i;
      done.add(writers.submit(() -> write.accept(index)));
    }
    try {
      for (Future<?> f : done) f.get();
    } finally {
      writers.shutdownNow();
    }
    double wall = (System.nanoTime() - start) / 1e9;
    Thread.sleep(2000); // the watch cache and etcd's echo of the last writes
    System.out.printf(
        Locale.ROOT,
        "WRITE-COST %-40s %6.2f ms of kube-apiserver CPU per request (%d in %.1f s)%n",
        what,
        (apiServerCpuSeconds() - before) * 1000 / apis,
        apis,
        wall);
  }

  private String send(String method, String path, String contentType, String body) {
    HttpClient http = client.getHttpClient();
    HttpRequest request =
        http.newHttpRequestBuilder()
            .uri(client.getConfiguration().getMasterUrl().replaceAll("/$", "") + path)
            .method(method, contentType, body)
            .build();
    try {
      HttpResponse<String> response = http.sendAsync(request, String.class).get();
      if (response.code() >= 300) {
        throw new IllegalStateException(
            method + " " + path + ": " + response.code() + " " + response.body());
      }
      return response.body();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } catch (ExecutionException e) {
      throw new IllegalStateException(method + " " + path, e);
    }
  }

  private static double apiServerCpuSeconds() {
    return ProcessHandle.current()
        .descendants()
        .filter(
            p ->
                p.info()
                    .command()
                    .map(c -> Path.of(c).getFileName().toString().equals("kube-apiserver"))
                    .orElse(false))
        .mapToDouble(ScaleBenchmark::cpuSeconds)
        .sum();
  }

  private static String ns(int i) {
    return "ns-" + (i % NAMESPACES);
  }

  /** The path of an {@code Api}; {@code force} is for server-side apply only. */
  private static String api(String set, int i, String manager) {
    return APIS + ns(i) + "/apis/" + set + i + "?fieldManager=" + manager;
  }

  private static String status(String set, int i, String manager) {
    return APIS + ns(i) + "/apis/" + set + i + "/status?fieldManager=" + manager;
  }

  /**
   * The scale benchmark's {@code Api} as its driver sends it: fabric8 writes the object as JSON.
   */
  private String apiJson(String set, int i) {
    KubernetesSerialization serialization = client.getKubernetesSerialization();
    return serialization.asJson(
        serialization.unmarshal(
            ScaleBenchmark.securedApiYaml(set + i, ns(i), i), ApiResource.class));
  }

  private static String finalizerJson(int i) {
    return """
        {"apiVersion":"gateway.kyma-project.io/v1alpha2","kind":"Api",
         "metadata":{"name":"a%d","namespace":"%s","finalizers":["api-controller/finalizer"]}}
        """
        .formatted(i, ns(i));
  }

  private String policyJson(String set, int i) {
    String name = set + i;
    String uid = uids.get(name);
    return """
        {"apiVersion":"authentication.istio.io/v1alpha1","kind":"Policy","metadata":{"name":"%s","namespace":"%s",
          "labels":{"createdBy":"api-controller","apiName":"%s","apiNamespace":"%s","apiUid":"%s","app.kubernetes.io/managed-by":"api-controller"},
          "ownerReferences":[{"apiVersion":"gateway.kyma-project.io/v1alpha2","kind":"Api","name":"%s","uid":"%s","controller":true,"blockOwnerDeletion":true}]},
         "spec":{"targets":[{"name":"svc-%d"}],"peers":[{"mtls":{}}],"principalBinding":"USE_ORIGIN",
          "origins":[{"jwt":{"issuer":"https://issuer-%d.example.com","jwksUri":"https://issuer-%d.example.com/jwks",
           "trigger_rules":[{"excluded_paths":[{"exact":"/healthz"},{"prefix":"/public/"}]}]}}]}}
        """
        .formatted(name, ns(i), name, ns(i), uid, name, uid, i, i % 10, i % 10);
  }

  private static String statusJson(String set, int i, boolean applied) {
    String name = set + i;
    String status =
        """
        "status":{"observedGeneration":1,"validationStatus":2,
          "virtualServiceStatus":{"code":2,"lastError":"","resource":{"name":"%s","uid":"0a0b0c0d-1111-2222-3333-444455556666","version":"1234"}},
          "authenticationStatus":{"code":2,"lastError":"","resource":{"name":"%s","uid":"0a0b0c0d-1111-2222-3333-444455556667","version":"1233"}},
          "conditions":[{"type":"Ready","status":"True","reason":"Exposed","message":"Exposed at https://%s.kyma.local.","observedGeneration":1,"lastTransitionTime":"2026-12-05T13:00:00Z"}]}
        """
            .formatted(name, name, name);
    return applied
        ? "{\"apiVersion\":\"gateway.kyma-project.io/v1alpha2\",\"kind\":\"Api\",\"metadata\":{\"name\":\""
            + name
            + "\",\"namespace\":\""
            + ns(i)
            + "\"},"
            + status
            + "}"
        : "{" + status + "}";
  }
}
