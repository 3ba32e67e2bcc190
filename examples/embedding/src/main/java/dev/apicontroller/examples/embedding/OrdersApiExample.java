package dev.apicontroller.examples.embedding;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import dev.apicontroller.model.Api;
import dev.apicontroller.model.ImmutableApi;
import dev.apicontroller.model.ImmutableApiSpec;
import dev.apicontroller.model.ImmutableAuthentication;
import dev.apicontroller.model.ImmutableJwt;
import dev.apicontroller.model.ImmutableObjectMetadata;
import dev.apicontroller.model.ImmutableServiceRef;
import dev.apicontroller.translate.Config;
import dev.apicontroller.translate.GeneratedObject;
import dev.apicontroller.translate.IstioTarget;
import dev.apicontroller.translate.Translation;
import dev.apicontroller.translate.access.AccessRequest;
import dev.apicontroller.translate.access.Decision;
import dev.apicontroller.translate.access.ModernAccessEvaluator;
import dev.apicontroller.translate.access.Token;
import dev.apicontroller.translate.conflict.ApiSetView;
import dev.apicontroller.translate.conflict.ClusterView;
import dev.apicontroller.translate.decide.ApiTranslator;
import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * translator-core embedded in an application: one {@code Api} rendered to the modern profile's
 * Istio objects, printed as YAML, and two requests judged against those objects. The region between
 * the {@code snippet} markers is the code docs/embedding.md and the README show (EmbeddingDocsTest
 * keeps them equal).
 */
public final class OrdersApiExample {
  private OrdersApiExample() {}

  public static void main(String[] args) throws IOException {
    // snippet:start
    Api api =
        ImmutableApi.builder()
            .metadata(ImmutableObjectMetadata.builder().namespace("shop").name("orders").build())
            .spec(
                ImmutableApiSpec.builder()
                    .service(ImmutableServiceRef.builder().name("orders").port(8080).build())
                    .hostname("orders")
                    .addAuthentication(
                        ImmutableAuthentication.builder()
                            .type("JWT")
                            .jwt(
                                ImmutableJwt.builder()
                                    .issuer("https://accounts.google.com")
                                    .jwksUri("https://www.googleapis.com/oauth2/v3/certs")
                                    .build())
                            .build())
                    .build())
            .build();

    // What the translation may assume about the cluster: here, the Service and its selector.
    Config config = Config.builder().target(IstioTarget.V1).domain("example.com").build();
    ClusterView cluster =
        ApiSetView.builder(config).service("shop", "orders", Map.of("app", "orders")).build();

    Translation translation = new ApiTranslator(config).translate(api, cluster);
    if (translation.hasErrors()) {
      throw new IllegalArgumentException("invalid Api: " + translation.problems());
    }
    List<GeneratedObject> objects = translation.objects(); // in apply order

    ObjectMapper yaml =
        new ObjectMapper(
            YAMLFactory.builder()
                .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
                .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
                .build());
    for (GeneratedObject object : objects) {
      System.out.println("---\n" + yaml.writeValueAsString(object));
    }

    // Who gets in, judged by the objects just rendered.
    ModernAccessEvaluator access = ModernAccessEvaluator.of(objects);
    Decision anonymous = access.evaluate(AccessRequest.anonymous("/orders"));
    Decision signedIn =
        access.evaluate(
            AccessRequest.withToken("/orders", Token.valid("https://accounts.google.com")));
    System.out.println("# anonymous: " + anonymous.httpStatus() + " " + anonymous.reason());
    System.out.println("# with a token: " + signedIn.httpStatus() + " " + signedIn.reason());
    // snippet:end
  }
}
