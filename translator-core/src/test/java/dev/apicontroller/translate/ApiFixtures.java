package dev.apicontroller.translate;

import dev.apicontroller.model.Api;
import dev.apicontroller.model.ImmutableApi;
import dev.apicontroller.model.ImmutableApiSpec;
import dev.apicontroller.model.ImmutableAuthentication;
import dev.apicontroller.model.ImmutableJwt;
import dev.apicontroller.model.ImmutableObjectMetadata;
import dev.apicontroller.model.ImmutableServiceRef;
import dev.apicontroller.model.ImmutableTriggerRule;
import dev.apicontroller.model.PathMatch;
import java.util.List;

/** Small builders for {@code Api} values in tests. */
public final class ApiFixtures {
  private ApiFixtures() {}

  public static ImmutableApiSpec.Builder spec(String service, Integer port, String hostname) {
    return ImmutableApiSpec.builder()
        .service(ImmutableServiceRef.builder().name(service).port(port).build())
        .hostname(hostname);
  }

  public static Api api(String namespace, String name, ImmutableApiSpec.Builder spec) {
    return ImmutableApi.builder()
        .metadata(ImmutableObjectMetadata.builder().name(name).namespace(namespace).build())
        .spec(spec.build())
        .build();
  }

  public static Api api(
      String namespace, String name, String uid, String created, ImmutableApiSpec.Builder spec) {
    return ImmutableApi.builder()
        .metadata(
            ImmutableObjectMetadata.builder()
                .name(name)
                .namespace(namespace)
                .uid(uid)
                .creationTimestamp(created)
                .build())
        .spec(spec.build())
        .build();
  }

  public static Api orders() {
    return api("shop", "orders-api", spec("orders", 8080, "orders"));
  }

  public static ImmutableAuthentication jwt(String issuer, String jwksUri, PathMatch... excluded) {
    ImmutableJwt.Builder jwt = ImmutableJwt.builder().issuer(issuer).jwksUri(jwksUri);
    if (excluded.length > 0) {
      jwt.triggerRule(ImmutableTriggerRule.builder().excludedPaths(List.of(excluded)).build());
    }
    return ImmutableAuthentication.builder().type("JWT").jwt(jwt.build()).build();
  }
}
