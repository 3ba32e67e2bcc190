package dev.apicontroller.translate.validate;

import static dev.apicontroller.translate.ApiFixtures.api;
import static dev.apicontroller.translate.ApiFixtures.jwt;
import static dev.apicontroller.translate.ApiFixtures.spec;
import static org.assertj.core.api.Assertions.assertThat;

import dev.apicontroller.model.Api;
import dev.apicontroller.model.ImmutableApi;
import dev.apicontroller.model.ImmutableApiSpec;
import dev.apicontroller.model.ImmutableAuthentication;
import dev.apicontroller.model.ImmutableJwt;
import dev.apicontroller.model.ImmutableObjectMetadata;
import dev.apicontroller.model.ImmutablePathMatch;
import dev.apicontroller.model.MatchKind;
import dev.apicontroller.model.PathMatch;
import dev.apicontroller.model.StatusCode;
import dev.apicontroller.model.read.Problem;
import dev.apicontroller.translate.Config;
import dev.apicontroller.translate.conflict.ApiSetView;
import dev.apicontroller.translate.conflict.ClusterView;
import dev.apicontroller.translate.decide.ApiTranslator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** One test per sentence of SPEC 2.1. */
class ApiValidatorTest {
  private final ApiValidator validator = new ApiValidator(Config.defaults());

  private List<String> paths(Api api) {
    return validator.validate(api).stream().map(Problem::path).toList();
  }

  private static Api withHost(String host) {
    return api("shop", "orders-api", spec("orders", 8080, host));
  }

  @Test
  void aValidApiHasNoProblems() {
    assertThat(validator.validate(withHost("orders"))).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"Orders", "orders_svc", "-orders", "orders-", "a.b", ""})
  void serviceNameIsADns1123Label(String name) {
    assertThat(paths(api("shop", "x", spec(name, 80, "orders"))))
        .containsExactly("spec.service.name");
  }

  @Test
  void serviceNameLongerThan63CharactersIsRejected() {
    assertThat(paths(api("shop", "x", spec("a".repeat(64), 80, "orders"))))
        .containsExactly("spec.service.name");
    assertThat(paths(api("shop", "x", spec("a".repeat(63), 80, "orders")))).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"Orders", "orders_api", "-orders", "orders-", "a..b", ".a", "a."})
  void nameIsADns1123Subdomain(String name) {
    List<Problem> problems = validator.validate(api("shop", name, spec("orders", 80, "orders")));
    assertThat(problems).extracting(Problem::path).containsExactly("metadata.name");
    assertThat(problems.get(0).message()).contains("DNS-1123 subdomain").contains(name);
  }

  @ParameterizedTest
  @ValueSource(strings = {"orders", "orders.v1", "a"})
  void nameMayBeADottedSubdomain(String name) {
    assertThat(paths(api("shop", name, spec("orders", 80, "orders")))).isEmpty();
  }

  /** Every generated object carries the name in its apiName label; label values are <= 63. */
  @Test
  void nameOfAtMost63CharactersIsAccepted() {
    assertThat(paths(api("shop", "a".repeat(63), spec("orders", 80, "orders")))).isEmpty();
    assertThat(paths(api("shop", "a.".repeat(31) + "a", spec("orders", 80, "orders")))).isEmpty();
  }

  @Test
  void anUndottedNameOf64CharactersIsRefusedForItsLengthNotItsSyntax() {
    List<Problem> problems =
        validator.validate(api("shop", "a".repeat(64), spec("orders", 80, "orders")));
    assertThat(problems).extracting(Problem::path).containsExactly("metadata.name");
    assertThat(problems.get(0).message())
        .isEqualTo(
            "must be at most 63 characters, not 64: the generated objects carry it in their"
                + " apiName label, and Kubernetes label values are at most 63 characters")
        .doesNotContain("subdomain");
  }

  @Test
  void aDottedNameOf121CharactersIsRefusedForItsLength() {
    String name = "orders-" + "x".repeat(51) + "." + "y".repeat(62);
    assertThat(name).hasSize(121);
    List<Problem> problems = validator.validate(api("shop", name, spec("orders", 80, "orders")));
    assertThat(problems).extracting(Problem::path).containsExactly("metadata.name");
    assertThat(problems.get(0).message()).startsWith("must be at most 63 characters, not 121");
  }

  @Test
  void aLongNameWithBadSyntaxGetsBothMessages() {
    List<Problem> problems =
        validator.validate(api("shop", "A".repeat(64), spec("orders", 80, "orders")));
    assertThat(problems)
        .extracting(Problem::message)
        .satisfiesExactly(
            m -> assertThat(m).contains("DNS-1123 subdomain"),
            m -> assertThat(m).startsWith("must be at most 63 characters"));
  }

  @Test
  void aTooLongNameGetsValidationStatus3AndNoObjects() {
    Config config = Config.defaults();
    Api api = api("shop", "a".repeat(64), spec("orders", 80, "orders"));
    ClusterView view = ApiSetView.builder(config).api(api).build();
    var translation = new ApiTranslator(config).translate(api, view);
    assertThat(translation.status().validationStatus()).isEqualTo(StatusCode.ERROR.code());
    assertThat(translation.objects()).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(ints = {0, -1, 65536, 100000})
  void servicePortIsAnIntegerFrom1To65535(int port) {
    List<Problem> problems = validator.validate(api("shop", "x", spec("orders", port, "orders")));
    assertThat(problems).extracting(Problem::path).containsExactly("spec.service.port");
    assertThat(problems.get(0).message()).contains("1 to 65535").contains(String.valueOf(port));
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 443, 65535})
  void servicePortBoundsAreAccepted(int port) {
    assertThat(paths(api("shop", "x", spec("orders", port, "orders")))).isEmpty();
  }

  @Test
  void hostnameMayBeOneDnsLabel() {
    assertThat(paths(withHost("orders"))).isEmpty();
  }

  /** Unlike the original CRD's minLength 3: a label of one or two characters is a DNS label. */
  @ParameterizedTest
  @ValueSource(strings = {"a", "ab", "ab.kyma.local"})
  void hostnameLabelMayHaveOneOrTwoCharacters(String host) {
    assertThat(paths(withHost(host))).isEmpty();
    assertThat(validator.hostnames().fullHostOrNull(host))
        .isEqualTo(host.split("\\.")[0] + ".kyma.local");
  }

  @Test
  void hostnameMayBeALabelFollowedByExactlyTheConfiguredDomain() {
    assertThat(paths(withHost("orders.kyma.local"))).isEmpty();
  }

  @Test
  void hostnameMayUseAConfiguredExtraAllowedDomain() {
    ApiValidator extra =
        new ApiValidator(Config.builder().addAllowedDomains("example.com").build());
    assertThat(extra.validate(withHost("orders.example.com"))).isEmpty();
    assertThat(validator.validate(withHost("orders.example.com"))).isNotEmpty();
  }

  @Test
  void nestedSubdomainsAreRejected() {
    assertThat(paths(withHost("v1.orders.kyma.local"))).containsExactly("spec.hostname");
  }

  @Test
  void foreignDomainsAreRejected() {
    List<Problem> problems = validator.validate(withHost("orders.example.com"));
    assertThat(problems).extracting(Problem::path).containsExactly("spec.hostname");
    assertThat(problems.get(0).message()).contains("kyma.local").contains("orders.example.com");
  }

  @Test
  void hostnameMatchingIsCaseInsensitiveAndOutputIsLowerCase() {
    assertThat(paths(withHost("ORDERS.Kyma.LOCAL"))).isEmpty();
    assertThat(validator.hostnames().fullHost("ORDERS.Kyma.LOCAL")).contains("orders.kyma.local");
  }

  @Test
  void theFullHostIsLabelDotDomain() {
    assertThat(validator.hostnames().fullHost("orders")).contains("orders.kyma.local");
    assertThat(new ApiTranslator(Config.defaults()).fullHost(withHost("bad.host.example")))
        .isEmpty();
  }

  @Test
  void authenticationTypeIsJwt() {
    ImmutableAuthentication oauth =
        ImmutableAuthentication.builder()
            .type("OAuth2")
            .jwt(ImmutableJwt.builder().issuer("https://i").jwksUri("https://i/keys").build())
            .build();
    assertThat(paths(api("shop", "x", spec("orders", 80, "orders").addAuthentication(oauth))))
        .containsExactly("spec.authentication[0].type");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "my issuer", "https://issuer\t.example.com", "issuer\n"})
  void jwtIssuerIsNonEmptyWithoutWhiteSpace(String issuer) {
    Api api =
        api(
            "shop",
            "x",
            spec("orders", 80, "orders")
                .addAuthentication(jwt("https://ok", "https://ok/keys"))
                .addAuthentication(jwt(issuer, "https://keys.example.com/certs")));
    assertThat(paths(api)).containsExactly("spec.authentication[1].jwt.issuer");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "ftp://keys.example.com/certs",
        "/certs",
        "keys.example.com/certs",
        "https://",
        "https:///path",
        "https://keys example.com/certs",
        "https://keys.example.com:80x/certs",
        "https://keys.example.com/%zz"
      })
  void jwtJwksUriIsAnAbsoluteHttpOrHttpsUrl(String uri) {
    Api api =
        api("shop", "x", spec("orders", 80, "orders").addAuthentication(jwt("https://i", uri)));
    assertThat(paths(api)).containsExactly("spec.authentication[0].jwt.jwksUri");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "https://www.googleapis.com/oauth2/v3/certs",
        "http://dex-service.kyma-system.svc.cluster.local:5556/keys",
        "HTTPS://Keys.Example.com",
        "https://[::1]:8443/keys?x=1#f",
        "https://user@keys.example.com/a%20b"
      })
  void wellFormedJwksUrisAreAccepted(String uri) {
    Api api =
        api("shop", "x", spec("orders", 80, "orders").addAuthentication(jwt("https://i", uri)));
    assertThat(paths(api)).isEmpty();
  }

  @Test
  void everyExcludedPathHasExactlyOneOfTheFourKeys() {
    PathMatch two = ImmutablePathMatch.builder().exact("/a").prefix("/b").build();
    PathMatch none = ImmutablePathMatch.builder().build();
    Api api =
        api(
            "shop",
            "x",
            spec("orders", 80, "orders")
                .addAuthentication(jwt("https://i", "https://i/k", two, none)));
    List<Problem> problems = validator.validate(api);
    assertThat(problems)
        .extracting(Problem::path)
        .containsExactly(
            "spec.authentication[0].jwt.triggerRule.excludedPaths[0]",
            "spec.authentication[0].jwt.triggerRule.excludedPaths[1]");
    assertThat(problems.get(0).message()).endsWith("it has exact and prefix");
    assertThat(problems.get(1).message()).endsWith("it has none");
  }

  @Test
  void everyExcludedPathHasANonEmptyValue() {
    Api api =
        api(
            "shop",
            "x",
            spec("orders", 80, "orders")
                .addAuthentication(
                    jwt("https://i", "https://i/k", PathMatch.of(MatchKind.SUFFIX, ""))));
    assertThat(paths(api))
        .containsExactly("spec.authentication[0].jwt.triggerRule.excludedPaths[0].suffix");
  }

  @Test
  void aRegexExclusionMustCompile() {
    Api api =
        api(
            "shop",
            "x",
            spec("orders", 80, "orders")
                .addAuthentication(
                    jwt(
                        "https://i",
                        "https://i/k",
                        PathMatch.of(MatchKind.REGEX, "^/ok/.*$"),
                        PathMatch.of(MatchKind.REGEX, "^/docs/(.*$"))));
    List<Problem> problems = validator.validate(api);
    assertThat(problems)
        .extracting(Problem::path)
        .containsExactly("spec.authentication[0].jwt.triggerRule.excludedPaths[1].regex");
    assertThat(problems.get(0).message()).startsWith("is not a valid regular expression");
  }

  @Test
  void aRegexExclusionMustBeRe2AsEnvoyEnforcesIt() {
    // java.util.regex accepts both; RE2 (Envoy) refuses look-arounds and back-references.
    Api api =
        api(
            "shop",
            "x",
            spec("orders", 80, "orders")
                .addAuthentication(
                    jwt(
                        "https://i",
                        "https://i/k",
                        PathMatch.of(MatchKind.REGEX, "^/docs/[a-z]+(/.*)?$"),
                        PathMatch.of(MatchKind.REGEX, "^/(?!admin).*$"),
                        PathMatch.of(MatchKind.REGEX, "(a)\\1"))));
    List<Problem> problems = validator.validate(api);
    assertThat(problems)
        .extracting(Problem::path)
        .containsExactly(
            "spec.authentication[0].jwt.triggerRule.excludedPaths[1].regex",
            "spec.authentication[0].jwt.triggerRule.excludedPaths[2].regex");
    assertThat(problems.get(0).message())
        .isEqualTo(
            "is not a valid regular expression in RE2 syntax, which Envoy enforces:"
                + " invalid or unsupported Perl syntax: `(?!`");
    assertThat(problems.get(1).message())
        .isEqualTo(
            "is not a valid regular expression in RE2 syntax, which Envoy enforces:"
                + " invalid escape sequence: `\\1`");
    assertThat(problems).allMatch(Problem::isError);
  }

  @Test
  void aServiceInTheBlocklistIsRejected() {
    Api kubernetes = api("default", "kube", spec("kubernetes", 443, "kubernetes"));
    List<Problem> problems = validator.validate(kubernetes);
    assertThat(problems).extracting(Problem::path).containsExactly("spec.service.name");
    assertThat(problems.get(0).message()).contains("kubernetes.default").contains("blocklist");
    assertThat(validator.validate(api("other", "kube", spec("kubernetes", 443, "kubernetes"))))
        .isEmpty();
  }

  @Test
  void authenticationEnabledWithoutItemsAndNoDefaultIsAnErrorNamingBothSettings() {
    Api api = api("shop", "x", spec("orders", 80, "orders").authenticationEnabled(true));
    List<Problem> problems = validator.validate(api);
    assertThat(problems).extracting(Problem::path).containsExactly("spec.authenticationEnabled");
    assertThat(problems.get(0).message()).contains("DEFAULT_ISSUER").contains("DEFAULT_JWKS_URI");
    ApiValidator withDefault =
        new ApiValidator(
            Config.builder()
                .defaultIssuer("https://dex")
                .defaultJwksUri("https://dex/keys")
                .build());
    assertThat(withDefault.validate(api)).isEmpty();
  }

  @Test
  void anotherApiForTheSameServiceGets5ExceptTheOldest() {
    Api older = api("shop", "b-api", "u1", "2024-01-01T00:00:00Z", spec("orders", 80, "b"));
    Api younger = api("shop", "a-api", "u2", "2024-02-01T00:00:00Z", spec("orders", 80, "a"));
    Config config = Config.defaults();
    ClusterView view = ApiSetView.builder(config).api(older).api(younger).build();
    ApiTranslator translator = new ApiTranslator(config);
    assertThat(translator.translate(older, view).status().validationStatus())
        .isEqualTo(StatusCode.CREATED.code());
    assertThat(translator.translate(younger, view).status().validationStatus())
        .isEqualTo(StatusCode.SERVICE_OCCUPIED.code());
  }

  @Test
  void sameCreationTimeIsDecidedByName() {
    Api b = api("shop", "b-api", spec("orders", 80, "b"));
    Api a = api("shop", "a-api", spec("orders", 80, "a"));
    Config config = Config.defaults();
    ClusterView view = ApiSetView.builder(config).api(b).api(a).build();
    ApiTranslator translator = new ApiTranslator(config);
    assertThat(translator.translate(a, view).status().validationStatus()).isEqualTo(2);
    assertThat(translator.translate(b, view).status().validationStatus()).isEqualTo(5);
  }

  @Test
  void everyErrorMessageNamesTheFieldPath() {
    Api empty =
        ImmutableApi.builder()
            .metadata(ImmutableObjectMetadata.builder().build())
            .spec(
                ImmutableApiSpec.builder()
                    .addAuthentication(ImmutableAuthentication.builder().build())
                    .build())
            .build();
    List<Problem> problems = validator.validate(empty);
    assertThat(problems)
        .extracting(Problem::path)
        .containsExactly(
            "metadata.name",
            "spec.service",
            "spec.hostname",
            "spec.authentication[0].type",
            "spec.authentication[0].jwt.issuer",
            "spec.authentication[0].jwt.jwksUri");
    assertThat(problems).allSatisfy(p -> assertThat(p.isError()).isTrue());
  }

  @Test
  void aMissingSpecIsReported() {
    Api noSpec =
        ImmutableApi.builder()
            .metadata(ImmutableObjectMetadata.builder().name("x").build())
            .build();
    assertThat(paths(noSpec)).containsExactly("spec");
  }
}
