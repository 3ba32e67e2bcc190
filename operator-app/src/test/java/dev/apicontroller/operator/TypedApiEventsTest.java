package dev.apicontroller.operator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.apicontroller.k8s.ApiResource;
import io.fabric8.kubernetes.api.model.WatchEvent;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import org.junit.jupiter.api.Test;

class TypedApiEventsTest {
  @Test
  void apiWatchEventsAreReadStraightIntoApiResources() throws Exception {
    KubernetesSerialization serialization = new KubernetesSerialization();
    String event =
        """
        {"type":"ADDED","object":{"apiVersion":"gateway.kyma-project.io/v1alpha2","kind":"Api",\
        "metadata":{"name":"orders","namespace":"shop"},\
        "spec":{"service":{"name":"orders","port":80},"hostname":"shop"}}}""";
    assertThat(serialization.unmarshal(event, WatchEvent.class).getObject())
        .isNotInstanceOf(ApiResource.class);

    ApiControllerOperator.readsApiEventsTyped(serialization);

    assertThat(serialization.unmarshal(event, WatchEvent.class).getObject())
        .isInstanceOfSatisfying(
            ApiResource.class, a -> assertThat(a.getSpec().hostname()).isEqualTo("shop"));
  }
}
