package dev.apicontroller.operator;

import static dev.apicontroller.operator.OperatorHarness.virtualServiceCode;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.client.http.HttpRequest;
import io.fabric8.kubernetes.client.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code kubectl get apis} on a real API server: it asks for a Table, whose columns and cells the
 * API server computes from the CRD's printer columns.
 */
class PrinterColumnsIT {
  private static OperatorHarness harness;

  @BeforeAll
  static void startOperator() {
    harness = new OperatorHarness(OperatorHarness.baseEnv());
  }

  @AfterAll
  static void stopOperator() {
    harness.close();
  }

  @Test
  void kubectlGetShowsReadyAndReasonAndTheCodesOnlyWide() throws Exception {
    String ns = harness.newNamespace("columns");
    harness.createApi(ConflictsIT.openApi(ns, "orders", "orders", ns));
    harness
        .user
        .resource(ConflictsIT.foreignVirtualService(ns, "theirs", "taken-" + ns + ".kyma.local"))
        .create();
    harness.createApi(ConflictsIT.openApi(ns, "late", "late", "taken-" + ns));
    harness.awaitStatus(ns, "orders", virtualServiceCode(2));
    harness.awaitStatus(ns, "late", virtualServiceCode(4));

    JsonNode table = table(ns);
    List<String> columns = new ArrayList<>();
    List<Integer> priorities = new ArrayList<>();
    table
        .get("columnDefinitions")
        .forEach(
            c -> {
              columns.add(c.get("name").asText());
              priorities.add(c.path("priority").asInt());
            });

    assertThat(columns)
        .containsExactly(
            "Name",
            "Hostname",
            "Service",
            "Port",
            "Ready",
            "Reason",
            "Validation",
            "VirtualService",
            "Auth",
            "Age");
    List<String> wide = new ArrayList<>();
    for (int i = 0; i < columns.size(); i++) if (priorities.get(i) > 0) wide.add(columns.get(i));
    assertThat(wide).containsExactly("Validation", "VirtualService", "Auth");
    int ready = columns.indexOf("Ready");
    int reason = columns.indexOf("Reason");
    List<String> rows = new ArrayList<>();
    table
        .get("rows")
        .forEach(
            r ->
                rows.add(
                    r.at("/cells/0").asText()
                        + " "
                        + r.at("/cells/" + ready).asText()
                        + " "
                        + r.at("/cells/" + reason).asText()));
    assertThat(rows)
        .containsExactlyInAnyOrder("orders True Exposed", "late False HostnameOccupied");
  }

  /** What kubectl get requests: the list as a meta.k8s.io Table. */
  private static JsonNode table(String ns) throws Exception {
    var http = harness.user.getHttpClient();
    HttpRequest request =
        http.newHttpRequestBuilder()
            .uri(
                harness
                    .user
                    .getMasterUrl()
                    .toURI()
                    .resolve("/apis/gateway.kyma-project.io/v1alpha2/namespaces/" + ns + "/apis")
                    .toString())
            .header("Accept", "application/json;as=Table;v=v1;g=meta.k8s.io")
            .build();
    HttpResponse<String> response = http.sendAsync(request, String.class).get(30, TimeUnit.SECONDS);
    assertThat(response.code()).as(response.body()).isEqualTo(200);
    return new ObjectMapper().readTree(response.body());
  }
}
