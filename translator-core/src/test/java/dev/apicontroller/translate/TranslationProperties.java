package dev.apicontroller.translate;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.apicontroller.model.Api;
import dev.apicontroller.model.Authentication;
import dev.apicontroller.model.ImmutableApi;
import dev.apicontroller.model.ImmutableApiSpec;
import dev.apicontroller.model.ImmutableAuthentication;
import dev.apicontroller.model.ImmutableJwt;
import dev.apicontroller.model.ImmutableObjectMetadata;
import dev.apicontroller.model.ImmutablePathMatch;
import dev.apicontroller.model.ImmutableServiceRef;
import dev.apicontroller.model.ImmutableTriggerRule;
import dev.apicontroller.model.MatchKind;
import dev.apicontroller.model.PathMatch;
import dev.apicontroller.model.read.Problem;
import dev.apicontroller.translate.conflict.ApiSetView;
import dev.apicontroller.translate.conflict.ClusterView;
import dev.apicontroller.translate.decide.ApiTranslator;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Properties of translation over generated {@code Api}s, valid and invalid alike. */
class TranslationProperties {
  private static final YAMLMapper YAML = new YAMLMapper();
  private static final Config LEGACY = Config.defaults();
  private static final Config MODERN = Config.builder().target(IstioTarget.V1).build();
  private static final ApiTranslator LEGACY_TRANSLATOR = new ApiTranslator(LEGACY);
  private static final ApiTranslator MODERN_TRANSLATOR = new ApiTranslator(MODERN);

  @Property
  void translationIsDeterministic(@ForAll("apis") Api api) throws Exception {
    for (ApiTranslator t : List.of(LEGACY_TRANSLATOR, MODERN_TRANSLATOR)) {
      ClusterView view = view(t.config(), api);
      Translation first = t.translate(api, view);
      Translation second = new ApiTranslator(t.config()).translate(api, view);
      assertThat(second).isEqualTo(first);
      assertThat(YAML.writeValueAsString(second.objects()))
          .isEqualTo(YAML.writeValueAsString(first.objects()));
    }
  }

  @Property
  void noInputThatParsesMakesItThrow(@ForAll("anything") Api api) throws Exception {
    for (ApiTranslator t : List.of(LEGACY_TRANSLATOR, MODERN_TRANSLATOR)) {
      Translation result = t.translate(api, view(t.config(), api));
      assertThat(result.status()).isNotNull();
      YAML.writeValueAsString(result.objects());
    }
  }

  @Property
  void everyInvalidInputYieldsValidationStatus3WithAProblemNamingAFieldPath(
      @ForAll("apis") Api valid, @ForAll("breakages") Breakage breakage) {
    Api broken = breakage.apply(valid);
    for (ApiTranslator t : List.of(LEGACY_TRANSLATOR, MODERN_TRANSLATOR)) {
      Translation result = t.translate(broken, view(t.config(), broken));
      assertThat(result.status().validationStatus()).isEqualTo(3);
      assertThat(result.objects()).isEmpty();
      assertThat(result.problems()).extracting(Problem::path).contains(breakage.path());
      assertThat(result.problems())
          .allSatisfy(p -> assertThat(p.path()).matches("(spec|metadata)(\\.|\\[|$).*"));
    }
  }

  @Property
  void generatedValidApisTranslateWithoutProblemsInLegacy(@ForAll("apis") Api api) {
    Translation result = LEGACY_TRANSLATOR.translate(api, ClusterView.EMPTY);
    assertThat(result.problems()).isEmpty();
    assertThat(result.status().validationStatus()).isEqualTo(2);
    assertThat(result.objects()).isNotEmpty();
    assertThat(result.objects().get(result.objects().size() - 1).kind())
        .isEqualTo("VirtualService");
  }

  private static ClusterView view(Config config, Api api) {
    ApiSetView.Builder b = ApiSetView.builder(config).api(api);
    if (api.spec() != null && api.spec().service() != null && api.spec().service().name() != null) {
      b.service(
          api.metadata().namespaceOrDefault(), api.spec().service().name(), Map.of("app", "x"));
    }
    return b.build();
  }

  /** One way to make a valid {@code Api} invalid, and the field path it must be reported at. */
  record Breakage(String path, java.util.function.UnaryOperator<Api> change) {
    Api apply(Api api) {
      return change.apply(api);
    }

    @Override
    public String toString() {
      return path;
    }
  }

  @Provide
  Arbitrary<Breakage> breakages() {
    return Arbitraries.of(
        new Breakage("spec.service.name", a -> withSpec(a, s -> s.service(svc("Bad_Name", 80)))),
        new Breakage("spec.service.port", a -> withSpec(a, s -> s.service(svc("orders", 0)))),
        new Breakage("spec.service.port", a -> withSpec(a, s -> s.service(svc("orders", null)))),
        new Breakage("spec.hostname", a -> withSpec(a, s -> s.hostname("a.b.kyma.local"))),
        new Breakage("spec.hostname", a -> withSpec(a, s -> s.hostname("orders.example.org"))),
        new Breakage("spec.hostname", a -> withSpec(a, s -> s.hostname(null))),
        new Breakage(
            "spec.authentication[0].jwt.jwksUri",
            a ->
                withSpec(
                    a,
                    s ->
                        s.authenticationEnabled(null)
                            .authentication(List.of(jwt("https://i", "not a url", List.of()))))),
        new Breakage(
            "spec.authentication[0].jwt.issuer",
            a ->
                withSpec(
                    a,
                    s ->
                        s.authenticationEnabled(null)
                            .authentication(List.of(jwt("an issuer", "https://k", List.of()))))),
        new Breakage(
            "spec.authentication[0].jwt.triggerRule.excludedPaths[0].regex",
            a ->
                withSpec(
                    a,
                    s ->
                        s.authenticationEnabled(null)
                            .authentication(
                                List.of(
                                    jwt(
                                        "https://i",
                                        "https://k",
                                        List.of(PathMatch.of(MatchKind.REGEX, "("))))))),
        new Breakage(
            "spec.authentication[0].type",
            a ->
                withSpec(
                    a,
                    s ->
                        s.authenticationEnabled(null)
                            .authentication(
                                List.of(
                                    ImmutableAuthentication.builder()
                                        .type("Basic")
                                        .jwt(
                                            ImmutableJwt.builder()
                                                .issuer("https://i")
                                                .jwksUri("https://k")
                                                .build())
                                        .build())))),
        new Breakage(
            "spec.authenticationEnabled",
            a -> withSpec(a, s -> s.authenticationEnabled(true).authentication(List.of()))),
        new Breakage(
            "metadata.name",
            a ->
                ImmutableApi.copyOf(a)
                    .withMetadata(
                        ImmutableObjectMetadata.copyOf(a.metadata()).withName("Not_A_Name"))));
  }

  private static Api withSpec(
      Api api, java.util.function.UnaryOperator<ImmutableApiSpec.Builder> change) {
    return ImmutableApi.copyOf(api)
        .withSpec(change.apply(ImmutableApiSpec.builder().from(api.spec())).build());
  }

  private static ImmutableServiceRef svc(String name, Integer port) {
    return ImmutableServiceRef.builder().name(name).port(port).build();
  }

  private static Authentication jwt(String issuer, String jwksUri, List<PathMatch> excluded) {
    ImmutableJwt.Builder j = ImmutableJwt.builder().issuer(issuer).jwksUri(jwksUri);
    if (!excluded.isEmpty()) {
      j.triggerRule(ImmutableTriggerRule.builder().excludedPaths(excluded).build());
    }
    return ImmutableAuthentication.builder().type("JWT").jwt(j.build()).build();
  }

  @Provide
  Arbitrary<Api> apis() {
    Arbitrary<String> label =
        Arbitraries.strings().withChars("abcxyz019").ofMinLength(1).ofMaxLength(8);
    Arbitrary<String> host =
        Combinators.combine(label, Arbitraries.of("", ".kyma.local", ".KYMA.local"))
            .as((l, d) -> l + d);
    Arbitrary<PathMatch> exclusion =
        Combinators.combine(
                Arbitraries.of(MatchKind.values()),
                Arbitraries.of("/healthz", "/public/", ".png", "/a", "^/docs/.*$"))
            .as(PathMatch::of);
    Arbitrary<Authentication> auth =
        Combinators.combine(
                Arbitraries.of("https://a.example.com", "https://b.example.com", "issuer-c"),
                Arbitraries.of("https://keys.example.com/certs", "http://dex:5556/keys"),
                exclusion.list().ofMaxSize(3))
            .as(TranslationProperties::jwt);
    return Combinators.combine(
            label,
            Arbitraries.of("shop", "default", "team-a"),
            label,
            Arbitraries.integers().between(1, 65535),
            host,
            Arbitraries.of(Boolean.TRUE, Boolean.FALSE).injectNull(0.4),
            Arbitraries.of(Boolean.TRUE, Boolean.FALSE).injectNull(0.4),
            auth.list().ofMinSize(0).ofMaxSize(3))
        .as(
            (name, ns, service, port, hostname, enabled, noMtls, items) ->
                (Api)
                    ImmutableApi.builder()
                        .metadata(
                            ImmutableObjectMetadata.builder().name(name).namespace(ns).build())
                        .spec(
                            ImmutableApiSpec.builder()
                                .service(svc(service, port))
                                .hostname(hostname)
                                .authenticationEnabled(
                                    items.isEmpty() && Boolean.TRUE.equals(enabled)
                                        ? null
                                        : enabled)
                                .disableIstioAuthPolicyMTLS(noMtls)
                                .authentication(items)
                                .build())
                        .build());
  }

  @Provide
  Arbitrary<Api> anything() {
    Arbitrary<String> text =
        Arbitraries.strings().withChars("aZ09-._/:* \t^$(").ofMaxLength(12).injectNull(0.2);
    Arbitrary<PathMatch> exclusion =
        Combinators.combine(text, text, text, text)
            .as(
                (e, p, s, r) ->
                    (PathMatch)
                        ImmutablePathMatch.builder().exact(e).prefix(p).suffix(s).regex(r).build());
    Arbitrary<Authentication> auth =
        Combinators.combine(text, text, text, exclusion.list().ofMaxSize(2).injectNull(0.3))
            .as(
                (type, issuer, uri, paths) -> {
                  ImmutableJwt.Builder j = ImmutableJwt.builder().issuer(issuer).jwksUri(uri);
                  if (paths != null) {
                    j.triggerRule(ImmutableTriggerRule.builder().excludedPaths(paths).build());
                  }
                  return (Authentication)
                      ImmutableAuthentication.builder().type(type).jwt(j.build()).build();
                });
    return Combinators.combine(
            text,
            text,
            text,
            Arbitraries.integers().between(-5, 70000).injectNull(0.2),
            text,
            Arbitraries.of(Boolean.TRUE, Boolean.FALSE).injectNull(0.4),
            auth.list().ofMaxSize(3),
            text)
        .as(
            (name, ns, service, port, hostname, enabled, items, uid) ->
                (Api)
                    ImmutableApi.builder()
                        .metadata(
                            ImmutableObjectMetadata.builder()
                                .name(name)
                                .namespace(ns)
                                .uid(uid)
                                .build())
                        .spec(
                            ImmutableApiSpec.builder()
                                .service(svc(service, port))
                                .hostname(hostname)
                                .authenticationEnabled(enabled)
                                .authentication(items)
                                .build())
                        .build());
  }
}
