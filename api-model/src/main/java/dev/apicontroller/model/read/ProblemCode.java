package dev.apicontroller.model.read;

/**
 * The kind of a {@link Problem}, as a stable id that tools can key on (SARIF {@code ruleId}, {@code
 * apictl validate -o json}); the message may change wording, the id does not. Every id is listed
 * with its description in docs/api-reference.md.
 */
public enum ProblemCode {
  // Reading a document (api-model).
  NOT_AN_OBJECT("not-an-object", "The document is not a YAML/JSON object."),
  WRONG_API_VERSION(
      "wrong-api-version",
      "An Api document with an apiVersion other than gateway.kyma-project.io/v1alpha2."),
  UNKNOWN_FIELD(
      "unknown-field",
      "A field the Api schema does not define (strict reading, like kubectl --validate=strict)."),
  WRONG_TYPE(
      "wrong-type", "A value of the wrong type, such as a string where the schema has an integer."),
  REQUIRED_FIELD("required-field", "A required field is missing or empty."),
  SCHEMA_VIOLATION(
      "schema-violation",
      "A value breaks a constraint of the CRD schema (length, range, enum, pattern, validation rule)."),
  UNREADABLE_DOCUMENT("unreadable-document", "The document cannot be bound to an Api at all."),
  NOT_AN_API("not-an-api", "A document of kind Api that cannot be read as one."),
  DUPLICATE_API(
      "duplicate-api", "The same Api (namespace/name) is defined twice among the inputs."),
  // Validating an Api (translator-core).
  INVALID_NAME(
      "invalid-name",
      "metadata.name is not a DNS-1123 subdomain, or is longer than 63 characters (the apiName label of the generated objects carries it)."),
  INVALID_SERVICE_NAME("invalid-service-name", "spec.service.name is not a DNS-1123 label."),
  SERVICE_BLOCKLISTED(
      "service-blocklisted",
      "The target Service is in the service blocklist (BLACKLISTED_SERVICES)."),
  INVALID_PORT("invalid-port", "spec.service.port is not an integer from 1 to 65535."),
  HOSTNAME_NOT_ALLOWED(
      "hostname-not-allowed",
      "spec.hostname is not a label or a host under the domain or an allowed domain."),
  NO_DEFAULT_ISSUER(
      "no-default-issuer",
      "authenticationEnabled is true without authentication items, and no default issuer and JWKS URI are configured."),
  UNSUPPORTED_AUTHENTICATION_TYPE(
      "unsupported-authentication-type", "An authentication item's type is not JWT."),
  INVALID_ISSUER("invalid-issuer", "A JWT issuer contains white space."),
  INVALID_JWKS_URI("invalid-jwks-uri", "A jwksUri is not an absolute http or https URL."),
  INVALID_EXCLUDED_PATH(
      "invalid-excluded-path",
      "An excludedPaths item does not have exactly one non-empty exact, prefix, suffix or regex."),
  INVALID_REGEX("invalid-regex", "A regex exclusion is not valid RE2 syntax (what Envoy accepts)."),
  // Translating (translator-core).
  SERVICE_ALREADY_EXPOSED(
      "service-already-exposed", "An older Api already targets the same Service (SPEC 2.1)."),
  SERVICE_NOT_FOUND(
      "service-not-found",
      "The modern profile needs the target Service's selector, and the Service is not known."),
  HOSTNAME_IN_USE(
      "hostname-in-use",
      "The full host is held by an older Api or a foreign VirtualService (SPEC 4)."),
  OBJECT_NAME_TAKEN(
      "object-name-taken",
      "An object the Api does not own holds the name of one it would create (SPEC 4)."),
  WAYPOINT_REQUIRED(
      "waypoint-required",
      "Warning: in the ambient data plane, a secured Api gets no route until its Service is bound to a waypoint (istio.io/use-waypoint) that ingress uses (istio.io/ingress-use-waypoint: \"true\"), on the Service or its Namespace; its auth objects are written."),
  EXCLUSION_DROPPED(
      "exclusion-dropped",
      "Warning: a regex exclusion (or a '*' inside a path) cannot be expressed in an AuthorizationPolicy; the modern profile drops it, so the path needs a token."),
  // Migrating legacy objects (translator-core).
  MIGRATION_INVALID_INPUT(
      "migration-invalid-input",
      "A legacy Policy or VirtualService lacks what the migration needs (a name, an issuer, a target)."),
  MIGRATION_NOT_CARRIED_OVER(
      "migration-not-carried-over",
      "Warning: a legacy field has no modern equivalent or needs checking, and is not carried over as is."),
  // The command line (cli-app).
  NO_API_FOUND("no-api-found", "apictl validate: the inputs hold no Api document."),
  NAMESPACE_MISMATCH(
      "namespace-mismatch",
      "A document names another namespace than the one given with -n/--namespace (as kubectl)."),
  UNREADABLE_INPUT(
      "unreadable-input",
      "An input cannot be read at all: a missing file, not YAML/JSON, or beyond the limits of a manifest."),
  INVALID_SETTINGS("invalid-settings", "A bad --config file or setting value.");

  private final String id;
  private final String description;

  ProblemCode(String id, String description) {
    this.id = id;
    this.description = description;
  }

  /** The stable id, like {@code hostname-not-allowed}. */
  public String id() {
    return id;
  }

  /** One sentence on what the problem kind means. */
  public String description() {
    return description;
  }
}
