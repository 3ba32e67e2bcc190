package dev.apicontroller.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import dev.apicontroller.model.Api;
import dev.apicontroller.translate.Config;
import dev.apicontroller.translate.GeneratedObject;
import dev.apicontroller.translate.ObjectKind;
import dev.apicontroller.translate.Translation;
import dev.apicontroller.translate.conflict.ObjectRef;
import dev.apicontroller.translate.decide.ApiTranslator;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import io.fabric8.kubernetes.api.model.Service;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Objects the original Go controller left are adopted by their Api, others stay foreign. */
class OriginalControllerAdoptionTest {
  private static final String API_UID = "uid-1";
  private final ApiResource resource = TestApis.resource("orders", "shop", API_UID, "orders");

  /** A VirtualService as the original left it: its labels, its own spec, no owner reference. */
  private static GenericKubernetesResource leftByOriginal(String apiUid, String createdBy) {
    Map<String, String> labels = new LinkedHashMap<>();
    labels.put("createdBy", createdBy);
    labels.put("apiName", "orders");
    labels.put("apiNamespace", "shop");
    labels.put("apiUid", apiUid);
    labels.put("apiVersion", "1234");
    labels.put("team", "payments");
    GenericKubernetesResource vs = new GenericKubernetesResource();
    vs.setApiVersion("networking.istio.io/v1alpha3");
    vs.setKind("VirtualService");
    vs.setMetadata(
        new io.fabric8.kubernetes.api.model.ObjectMetaBuilder()
            .withName("orders")
            .withNamespace("shop")
            .withUid("vs-uid")
            .withResourceVersion("99")
            .withLabels(labels)
            .build());
    vs.setAdditionalProperty(
        "spec",
        Map.of(
            "hosts",
            List.of("orders.kyma.local"),
            "gateways",
            List.of("kyma-gateway.kyma-system.svc.cluster.local"),
            "http",
            List.of(Map.of("route", List.of(Map.of("destination", Map.of("host", "old")))))));
    return vs;
  }

  @Test
  void anObjectWithTheOriginalsLabelsAndThisApisUidIsClaimedByThatApi() {
    GenericKubernetesResource vs = leftByOriginal(API_UID, "api-controller");

    assertThat(OriginalControllerClaim.apiUidOf(vs)).isEqualTo(API_UID);
    assertThat(OriginalControllerClaim.apiNameOf(vs)).isEqualTo("orders");
    assertThat(OriginalControllerClaim.claimantUidOf(vs)).isEqualTo(API_UID);
  }

  @Test
  void anotherCreatorOrAMissingUidClaimsNothing() {
    GenericKubernetesResource otherCreator = leftByOriginal(API_UID, "someone-else");
    GenericKubernetesResource noUid = leftByOriginal(API_UID, "api-controller");
    noUid.getMetadata().getLabels().remove("apiUid");

    assertThat(OriginalControllerClaim.claimantUidOf(otherCreator)).isNull();
    assertThat(OriginalControllerClaim.claimantUidOf(noUid)).isNull();
    assertThat(OriginalControllerClaim.apiNameOf(noUid)).isNull();
  }

  @Test
  void aControllerOwnerReferenceOutranksTheLabels() {
    GenericKubernetesResource vs = leftByOriginal(API_UID, "api-controller");
    vs.getMetadata()
        .setOwnerReferences(
            List.of(new OwnerReferenceBuilder().withUid("other-api").withController(true).build()));

    assertThat(OriginalControllerClaim.apiUidOf(vs)).isNull();
    assertThat(OriginalControllerClaim.claimantUidOf(vs)).isEqualTo("other-api");
  }

  @Test
  void adoptingDropsTheOriginalsStaleVersionLabelByAJsonPatchOnlyWhileTheObjectIsTheOriginals() {
    GenericKubernetesResource live = leftByOriginal(API_UID, "api-controller");
    GenericKubernetesResource withoutTheLabel = leftByOriginal(API_UID, "api-controller");
    withoutTheLabel.getMetadata().getLabels().remove("apiVersion");
    GenericKubernetesResource adopted = leftByOriginal(API_UID, "api-controller");
    adopted
        .getMetadata()
        .setOwnerReferences(
            List.of(new OwnerReferenceBuilder().withUid(API_UID).withController(true).build()));

    assertThat(OriginalControllerClaim.staleLabelRemoval(live))
        .contains("[{\"op\":\"remove\",\"path\":\"/metadata/labels/apiVersion\"}]");
    assertThat(OriginalControllerClaim.staleLabelRemoval(withoutTheLabel)).isEmpty();
    assertThat(OriginalControllerClaim.staleLabelRemoval(adopted)).isEmpty();
    assertThat(OriginalControllerClaim.staleLabelRemoval(leftByOriginal(API_UID, "someone-else")))
        .isEmpty();
    assertThat(OriginalControllerClaim.claimantUidOf(adopted)).isEqualTo(API_UID);
  }

  private Translation translate(Api api, GenericKubernetesResource live) {
    InformerClusterViewTest.MemoryCache<GenericKubernetesResource> vss =
        new InformerClusterViewTest.MemoryCache<GenericKubernetesResource>(
                Map.of(
                    CacheIndexes.VIRTUAL_SERVICE_HOST, CacheIndexes::virtualServiceHosts,
                    CacheIndexes.CONTROLLER_UID, CacheIndexes::controllerUid))
            .add(live);
    InformerClusterViewTest.MemoryCache<ApiResource> apis =
        new InformerClusterViewTest.MemoryCache<ApiResource>(
                Map.of(
                    CacheIndexes.API_SERVICE,
                    CacheIndexes::apiService,
                    CacheIndexes.API_HOST,
                    a -> List.of(a.getSpec().hostname() + ".kyma.local")))
            .add(resource);
    InformerClusterView view =
        new InformerClusterView(
            apis,
            new GeneratedObjectCaches(
                Map.of(ObjectKind.VIRTUAL_SERVICE_LEGACY, vss), ObjectKind.VIRTUAL_SERVICE_LEGACY),
            new InformerClusterViewTest.MemoryCache<Service>(Map.of()));
    assertThat(view.object(ObjectKind.VIRTUAL_SERVICE_LEGACY, "shop", "orders"))
        .get()
        .extracting(ObjectRef::controllerUid)
        .isEqualTo(OriginalControllerClaim.claimantUidOf(live));
    return new ApiTranslator(Config.defaults()).translate(api, view);
  }

  @Test
  void theTranslatorSeesTheOriginalsObjectAsThisApisOwnNotAsATakenNameOrHost() {
    Translation translation =
        translate(resource.toApi(), leftByOriginal(API_UID, "api-controller"));

    assertThat(translation.status().virtualServiceStatus().code()).isEqualTo(2);
    assertThat(translation.objects())
        .extracting(GeneratedObject::objectKind)
        .contains(ObjectKind.VIRTUAL_SERVICE_LEGACY);
  }

  @Test
  void theOriginalsObjectForAnotherApiUidStaysForeign() {
    Translation translation =
        translate(resource.toApi(), leftByOriginal("uid-of-a-deleted-api", "api-controller"));

    assertThat(translation.status().virtualServiceStatus().code()).isIn(3, 4);
  }
}
