package dev.apicontroller.operator;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the operator: settings from the environment, the kubeconfig from {@code KUBECONFIG} or the
 * in-cluster service account, probes and metrics on {@code METRICS_PORT}, a clean stop on SIGTERM.
 */
public final class Main {
  private static final Logger LOG = LoggerFactory.getLogger(Main.class);

  private Main() {}

  public static void main(String[] args) throws Exception {
    OperatorSettings settings;
    try {
      settings = OperatorSettings.fromEnvironment(System.getenv());
    } catch (IllegalArgumentException e) {
      System.err.println("api-controller: invalid setting: " + e.getMessage());
      System.exit(2);
      return;
    }
    settings.rootLogLevel().ifPresent(RootLogLevel::set);
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    KubernetesClient client =
        new KubernetesClientBuilder()
            .withHttpClientBuilderConsumer(
                b -> b.addOrReplaceInterceptor("write-metrics", new ApiWriteMetrics(registry)))
            .build();
    ApiControllerOperator operator;
    HealthServer health;
    try {
      operator = new ApiControllerOperator(client, settings, registry);
      health = new HealthServer(settings.metricsPort(), operator::ready, registry);
    } catch (IllegalArgumentException e) {
      // A setting the discovered Istio cannot carry (OperatorSettings.config): DATAPLANE=ambient
      // or ROUTES=gateway-api, and the cluster serves an Istio older than 1.22.
      System.err.println("api-controller: invalid setting: " + e.getMessage());
      client.close();
      System.exit(2);
      return;
    } catch (RuntimeException e) {
      LOG.error(
          "cannot start: the Kubernetes API server at {} did not answer ({}); check KUBECONFIG or"
              + " the in-cluster service account",
          client.getMasterUrl(),
          rootMessage(e));
      client.close();
      System.exit(1);
      return;
    }
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  LOG.info("stopping");
                  operator.close();
                  health.close();
                  client.close();
                },
                "shutdown"));
    health.start();
    try {
      operator.start();
    } catch (RuntimeException e) {
      // An informer that could not list (java-operator-sdk stops on it): the main thread would end
      // but the health server's thread would keep the process alive, serving /healthz, never ready.
      LOG.error("cannot start: {}; exiting so that the pod restarts", rootMessage(e), e);
      System.exit(1);
    }
    LOG.info(
        "api-controller started: domain {}, namespaces {}, leader election {}",
        settings.config().domain(),
        settings.watchNamespaces().isEmpty() ? "all" : settings.watchNamespaces(),
        settings.leaderElection());
  }

  private static String rootMessage(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null) root = root.getCause();
    return root.getClass().getSimpleName()
        + (root.getMessage() == null ? "" : ": " + root.getMessage());
  }
}
