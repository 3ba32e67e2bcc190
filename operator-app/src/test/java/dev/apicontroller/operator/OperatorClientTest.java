package dev.apicontroller.operator;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The client {@link Main} builds: HTTP/1.1, and its writes counted. */
class OperatorClientTest {
  private HttpServer server;
  private final List<String> upgrades = new CopyOnWriteArrayList<>();

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext(
        "/",
        exchange -> {
          // Over plain HTTP, a client that prefers HTTP/2 asks to upgrade on its first request.
          String upgrade = exchange.getRequestHeaders().getFirst("Upgrade");
          upgrades.add(upgrade == null ? "none" : upgrade);
          byte[] body =
              "{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"metadata\":{\"name\":\"c\",\"namespace\":\"shop\"}}"
                  .getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().add("Content-Type", "application/json");
          exchange.sendResponseHeaders(200, body.length);
          exchange.getResponseBody().write(body);
          exchange.close();
        });
    server.start();
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  private KubernetesClientBuilder builder() {
    return new KubernetesClientBuilder()
        .withConfig(
            new ConfigBuilder()
                .withMasterUrl("http://127.0.0.1:" + server.getAddress().getPort())
                .withRequestRetryBackoffLimit(0)
                .build());
  }

  @Test
  void speaksHttp11AndCountsItsWrites() {
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    try (KubernetesClient client = Main.newClient(builder(), registry)) {
      client.configMaps().inNamespace("shop").withName("c").get();
      client
          .configMaps()
          .inNamespace("shop")
          .resource(
              new ConfigMapBuilder()
                  .withNewMetadata()
                  .withName("c")
                  .withNamespace("shop")
                  .endMetadata()
                  .build())
          .create();
    }
    assertThat(upgrades).containsExactly("none", "none");
    assertThat(
            registry
                .get("apicontroller.api.writes")
                .tag("method", "POST")
                .tag("resource", "configmaps")
                .counter()
                .count())
        .isEqualTo(1.0);
  }

  @Test
  void fabric8sDefaultClientWouldAskForHttp2() {
    // The control: the same server sees the upgrade request from a client left at its default.
    try (KubernetesClient client = builder().build()) {
      client.configMaps().inNamespace("shop").withName("c").get();
    }
    assertThat(upgrades).containsExactly("h2c");
  }
}
