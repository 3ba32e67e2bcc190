package dev.apicontroller.translate.explain;

import dev.apicontroller.model.Api;
import dev.apicontroller.model.read.Problem;
import dev.apicontroller.translate.Config;
import dev.apicontroller.translate.GeneratedObject;
import dev.apicontroller.translate.ImmutableConfig;
import dev.apicontroller.translate.IstioTarget;
import dev.apicontroller.translate.ObjectKind;
import dev.apicontroller.translate.Profile;
import dev.apicontroller.translate.RouteKind;
import dev.apicontroller.translate.Translation;
import dev.apicontroller.translate.access.AccessRequest;
import dev.apicontroller.translate.access.AmbientAccessEvaluator;
import dev.apicontroller.translate.access.Decision;
import dev.apicontroller.translate.access.GatewayApiAccessEvaluator;
import dev.apicontroller.translate.access.LegacyAccessEvaluator;
import dev.apicontroller.translate.access.ModernAccessEvaluator;
import dev.apicontroller.translate.auth.EffectiveAuthentication;
import dev.apicontroller.translate.decide.ApiTranslator;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Explains whether a request reaches an {@code Api}, and why, under each evaluated profile: it
 * reads the objects each profile's translation would apply with that profile's access evaluator, so
 * the answer is about what would really be applied.
 */
public final class Explainer {
  private final Config config;
  private final ApiTranslator translator;
  private final EffectiveAuthentication authentication;

  /** {@code config}: the settings; its profile is replaced by each evaluated one. */
  public Explainer(Config config) {
    this.config = config;
    this.translator = new ApiTranslator(config);
    this.authentication = new EffectiveAuthentication(config);
  }

  /**
   * The settings a profile is translated with: the configured target when it is of that profile
   * (the API version does not change what is admitted; the configured routes stay, so the modern
   * profile is explained with the HTTPRoute when routes is gateway-api), else the profile's
   * shorthand target (with VirtualServices for legacy, which has no other route).
   */
  public Config configFor(Profile profile) {
    if (config.profile() == profile) return config;
    ImmutableConfig other = ImmutableConfig.copyOf(config);
    if (profile == Profile.LEGACY) other = other.withRoutes(RouteKind.VIRTUAL_SERVICE);
    return other.withTarget(IstioTarget.of(profile));
  }

  /**
   * Whether {@code api} is among those asked about: by {@code name} ({@code NAME} or {@code
   * NAMESPACE/NAME}) and by full {@code host} (any case, port and trailing dot ignored); a null
   * criterion selects every {@code Api}.
   */
  public boolean selects(Api api, String name, String host) {
    if (name != null
        && !name.equals(api.metadata().nameOrEmpty())
        && !name.equals(api.qualifiedName())) {
      return false;
    }
    if (host == null) return true;
    String wanted = host.strip().toLowerCase(Locale.ROOT);
    int colon = wanted.indexOf(':');
    if (colon >= 0) wanted = wanted.substring(0, colon);
    if (wanted.endsWith(".")) wanted = wanted.substring(0, wanted.length() - 1);
    return translator.fullHost(api).map(wanted::equals).orElse(false);
  }

  /**
   * The explanation for one {@code Api}.
   *
   * @param translations per evaluated profile in evaluation order; a null translation means the
   *     document did not bind
   * @param standIns the stand-in Services the modern translation was made with
   */
  public Explanation explain(
      Api api,
      Map<Profile, Translation> translations,
      AccessRequest request,
      List<StandInService> standIns) {
    String host = translator.fullHost(api).orElse("");
    Map<Profile, Decision> decisions = new EnumMap<>(Profile.class);
    for (Map.Entry<Profile, Translation> e : translations.entrySet()) {
      Unexplained why = whyUnexplained(e.getValue(), e.getKey());
      if (why != null) {
        return new Explanation(
            api.qualifiedName(), host, List.of(), request, Map.of(), List.of(), why);
      }
      decisions.put(e.getKey(), evaluate(e.getKey(), e.getValue().objects(), request));
    }
    List<StandInService> assumed =
        standIns.stream().filter(s -> s.standsInFor(api)).limit(1).toList();
    return new Explanation(
        api.qualifiedName(),
        host,
        authentication.origins(api.spec()),
        request,
        decisions,
        assumed,
        null);
  }

  /**
   * The decision of the profile's access semantics over the objects it would apply: under the
   * modern profile with an HTTPRoute (routes gateway-api), the route's match and then the same
   * authentication objects.
   */
  public static Decision evaluate(
      Profile profile, List<GeneratedObject> objects, AccessRequest request) {
    if (profile == Profile.LEGACY) return LegacyAccessEvaluator.of(objects).evaluate(request);
    // Ambient decides first: without its waypoint there is no route of either kind (404).
    Decision ambient =
        AmbientAccessEvaluator.isAmbient(objects)
            ? AmbientAccessEvaluator.of(objects).evaluate(request)
            : null;
    if (ambient != null && ambient.basis() == Decision.Basis.NO_ROUTE) return ambient;
    if (GatewayApiAccessEvaluator.applies(objects)) {
      return GatewayApiAccessEvaluator.of(objects).evaluate(request);
    }
    return ambient != null ? ambient : ModernAccessEvaluator.of(objects).evaluate(request);
  }

  /** Null when the translation exposes the {@code Api}. */
  private static Unexplained whyUnexplained(Translation t, Profile profile) {
    if (t == null) return new Unexplained(Unexplained.Reason.INVALID, profile, null, null);
    Optional<Problem> error = t.problems().stream().filter(Problem::isError).findFirst();
    if (error.isPresent())
      return new Unexplained(Unexplained.Reason.INVALID, profile, error.get(), null);
    if (t.objects().stream().anyMatch(o -> o.objectKind().role() == ObjectKind.Role.ROUTE))
      return null;
    // An ambient route held back for its waypoint: the auth objects exist, every request is
    // refused.
    if (AmbientAccessEvaluator.isAmbient(t.objects())) return null;
    return new Unexplained(
        Unexplained.Reason.NOT_EXPOSED,
        profile,
        null,
        t.conflicts().isEmpty() ? null : t.conflicts().get(0));
  }
}
