package dev.apicontroller.bench;

import dev.apicontroller.cli.output.ManifestWriter;
import dev.apicontroller.model.Api;
import dev.apicontroller.model.ImmutableApi;
import dev.apicontroller.model.ImmutableApiSpec;
import dev.apicontroller.model.ImmutableAuthentication;
import dev.apicontroller.model.ImmutableJwt;
import dev.apicontroller.model.ImmutableObjectMetadata;
import dev.apicontroller.model.ImmutableServiceRef;
import dev.apicontroller.model.ImmutableTriggerRule;
import dev.apicontroller.model.MatchKind;
import dev.apicontroller.model.PathMatch;
import dev.apicontroller.translate.Config;
import dev.apicontroller.translate.IstioTarget;
import dev.apicontroller.translate.Translation;
import dev.apicontroller.translate.conflict.ApiSetView;
import dev.apicontroller.translate.conflict.ClusterView;
import dev.apicontroller.translate.decide.ApiTranslator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Throughput of the core (target: at least 1,000,000 translations/s on one core) for an {@code Api}
 * with two issuers and three excluded paths against an empty cluster.
 *
 * <p>{@code java -jar benchmarks/target/benchmarks.jar TranslateBenchmark -f 1 -wi 3 -i 5 -t 1}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class TranslateBenchmark {
  private Api api;
  private ApiTranslator legacy;
  private ApiTranslator modern;
  private ClusterView modernCluster;
  private Translation legacyTranslation;

  @Setup
  public void setUp() {
    api =
        ImmutableApi.builder()
            .metadata(
                ImmutableObjectMetadata.builder()
                    .name("orders-api")
                    .namespace("shop")
                    .uid("6a0c3e6e-9d2f-4c57-8d43-6f1f5a3b1c01")
                    .generation(3L)
                    .build())
            .spec(
                ImmutableApiSpec.builder()
                    .service(ImmutableServiceRef.builder().name("orders").port(8080).build())
                    .hostname("orders.kyma.local")
                    .addAuthentication(
                        origin(
                            "https://accounts.google.com",
                            "https://www.googleapis.com/oauth2/v3/certs",
                            PathMatch.of(MatchKind.EXACT, "/healthz"),
                            PathMatch.of(MatchKind.PREFIX, "/public/"),
                            PathMatch.of(MatchKind.SUFFIX, ".png")))
                    .addAuthentication(
                        origin("https://dex.kyma.local", "https://dex.kyma.local/keys"))
                    .build())
            .build();
    legacy = new ApiTranslator(Config.defaults());
    Config modernConfig = Config.builder().target(IstioTarget.V1).build();
    modern = new ApiTranslator(modernConfig);
    modernCluster =
        ApiSetView.builder(modernConfig).service("shop", "orders", Map.of("app", "orders")).build();
    legacyTranslation = legacy.translate(api, ClusterView.EMPTY);
  }

  private static ImmutableAuthentication origin(String issuer, String jwks, PathMatch... paths) {
    ImmutableJwt.Builder jwt = ImmutableJwt.builder().issuer(issuer).jwksUri(jwks);
    if (paths.length > 0) {
      jwt.triggerRule(ImmutableTriggerRule.builder().excludedPaths(List.of(paths)).build());
    }
    return ImmutableAuthentication.builder().type("JWT").jwt(jwt.build()).build();
  }

  @Benchmark
  public Translation translateLegacy() {
    return legacy.translate(api, ClusterView.EMPTY);
  }

  @Benchmark
  public Translation translateModern() {
    return modern.translate(api, modernCluster);
  }

  @Benchmark
  public String renderYaml() {
    return ManifestWriter.toYaml(legacyTranslation.objects());
  }
}
