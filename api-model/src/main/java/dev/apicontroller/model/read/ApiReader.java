package dev.apicontroller.model.read;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.deser.DeserializationProblemHandler;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.apicontroller.model.Api;
import dev.apicontroller.model.ApiKind;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Binds documents to {@link Api} values strictly, the way {@code kubectl --validate=strict} would:
 * unknown fields and values of the wrong type are errors naming their path and position. Reading
 * goes on past a problem, so one pass reports them all.
 *
 * <p>Thread-safe.
 */
public final class ApiReader {
  /** Keys that belong under {@code jwt:}; seen flattened in the seed document's example. */
  private static final Set<String> JWT_KEYS = Set.of("issuer", "jwksUri", "triggerRule");

  private static final ObjectMapper STRICT =
      JsonMapper.builder()
          .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
          .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
          .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .addModule(NestedBindingOnDemand.module())
          .build();

  private final ObjectReader reader = STRICT.readerFor(Api.class);
  private final ApiSchema schema;

  /** A reader that checks documents against the shipped CRD's schema. */
  public ApiReader() {
    this(ApiSchema.shipped());
  }

  /**
   * A reader that checks documents against {@code schema} (the shipped one, read some other way).
   */
  public ApiReader(ApiSchema schema) {
    this.schema = schema;
  }

  /** Whether a document claims to be an {@code Api} (of any version of our group). */
  public static boolean isApi(SourceDocument doc) {
    return ApiKind.KIND.equals(doc.kind()) && doc.apiVersion().startsWith(ApiKind.GROUP + "/");
  }

  /** Binds one document; every problem carries its position in {@code doc}. */
  public ApiDocument read(SourceDocument doc) {
    List<Problem> problems = new ArrayList<>();
    JsonNode root = doc.root();
    if (!root.isObject()) {
      problems.add(
          Problem.error(ProblemCode.NOT_AN_OBJECT, "", "document is not an object")
              .at(doc.start()));
      return new ApiDocument(doc.place(), null, problems);
    }
    if (!ApiKind.API_VERSION.equals(doc.apiVersion())) {
      problems.add(
          Problem.error(
                  ProblemCode.WRONG_API_VERSION,
                  "apiVersion",
                  "must be "
                      + ApiKind.API_VERSION
                      + (doc.apiVersion().isEmpty() ? "" : ", not " + doc.apiVersion()))
              .at(doc.positionOf("apiVersion")));
    }
    ApiSchema.Checked checked = schema.checkAndPrune(root);
    Collector collector = new Collector();
    for (Problem p : checked.problems()) collector.problems.add(withJwtHint(p));
    Api api = null;
    try {
      api = reader.withHandler(collector).treeToValue(checked.document(), Api.class);
    } catch (JsonMappingException e) {
      String path = pathOf(e);
      if (collector.problems.stream().noneMatch(p -> p.path().equals(path))) {
        collector.problems.add(
            Problem.error(ProblemCode.WRONG_TYPE, path, firstSentence(e.getOriginalMessage())));
      }
    } catch (IOException e) {
      collector.problems.add(
          Problem.error(ProblemCode.UNREADABLE_DOCUMENT, "", firstSentence(e.getMessage())));
    }
    for (Problem p : collector.problems) problems.add(p.at(doc.positionOf(p.path())));
    return new ApiDocument(doc.place(), api, problems);
  }

  /** An unknown {@code issuer} beside {@code type}: the flattened form of the seed document. */
  private static Problem withJwtHint(Problem p) {
    int dot = p.path().lastIndexOf('.');
    if (dot < 0 || !p.message().startsWith("unknown field")) return p;
    String parent = p.path().substring(0, dot);
    String key = p.path().substring(dot + 1);
    if (!JWT_KEYS.contains(key) || !parent.matches("spec\\.authentication\\[\\d+]")) return p;
    return Problem.error(
        ProblemCode.UNKNOWN_FIELD,
        p.path(),
        p.message()
            + "; it belongs under jwt: write "
            + FieldPath.child(FieldPath.child(parent, "jwt"), key)
            + " (the seed document shows it flattened, which is not the wire format)");
  }

  private static String pathOf(JsonMappingException e) {
    StringBuilder sb = new StringBuilder();
    for (JsonMappingException.Reference ref : e.getPath()) {
      if (ref.getFieldName() != null) {
        if (sb.length() > 0) sb.append('.');
        sb.append(ref.getFieldName());
      } else if (ref.getIndex() >= 0) {
        sb.append('[').append(ref.getIndex()).append(']');
      }
    }
    return sb.toString();
  }

  private static String firstSentence(String message) {
    if (message == null) return "cannot be read";
    int nl = message.indexOf('\n');
    String line = nl < 0 ? message : message.substring(0, nl);
    // Jackson names its own classes; users know fields, not classes.
    return line.replaceAll("`[^`]*`", "this field").replaceAll("\\(class [^)]*\\)", "").trim();
  }

  static String describe(JsonToken t) {
    if (t == null) return "nothing";
    return switch (t) {
      case START_OBJECT -> "an object";
      case START_ARRAY -> "a list";
      case VALUE_STRING -> "a string";
      case VALUE_NUMBER_INT -> "an integer";
      case VALUE_NUMBER_FLOAT -> "a decimal number";
      case VALUE_TRUE, VALUE_FALSE -> "a boolean";
      case VALUE_NULL -> "null";
      default -> t.asString() == null ? t.name() : t.asString();
    };
  }

  static String describe(Class<?> type) {
    if (type == String.class) return "a string";
    if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
      return "an integer";
    }
    if (type == Boolean.class || type == boolean.class) return "true or false";
    if (Collection.class.isAssignableFrom(type)) return "a list";
    if (Map.class.isAssignableFrom(type)) return "a map of strings";
    return "an object";
  }

  /** Records problems and lets binding go on with the field left out. */
  private static final class Collector extends DeserializationProblemHandler {
    final List<Problem> problems = new ArrayList<>();

    @Override
    public boolean handleUnknownProperty(
        DeserializationContext ctxt,
        JsonParser p,
        JsonDeserializer<?> deserializer,
        Object beanOrClass,
        String propertyName)
        throws IOException {
      String path = FieldPath.of(p.getParsingContext());
      if (!path.endsWith(FieldPath.child("", propertyName)))
        path = FieldPath.child(path, propertyName);
      problems.add(
          withJwtHint(
              Problem.error(
                  ProblemCode.UNKNOWN_FIELD, path, "unknown field \"" + propertyName + "\"")));
      p.skipChildren();
      return true;
    }

    @Override
    public Object handleUnexpectedToken(
        DeserializationContext ctxt,
        JavaType targetType,
        JsonToken t,
        JsonParser p,
        String failureMsg)
        throws IOException {
      problems.add(
          Problem.error(
              ProblemCode.WRONG_TYPE,
              FieldPath.of(p.getParsingContext()),
              "expected " + describe(targetType.getRawClass()) + ", got " + describe(t)));
      p.skipChildren();
      return null;
    }

    @Override
    public Object handleWeirdStringValue(
        DeserializationContext ctxt, Class<?> targetType, String value, String failureMsg) {
      return wrongType(ctxt, targetType, "the string \"" + value + "\"");
    }

    @Override
    public Object handleWeirdNumberValue(
        DeserializationContext ctxt, Class<?> targetType, Number value, String failureMsg) {
      return wrongType(ctxt, targetType, String.valueOf(value));
    }

    private Object wrongType(DeserializationContext ctxt, Class<?> targetType, String got) {
      String path = FieldPath.of(ctxt.getParser().getParsingContext());
      problems.add(
          Problem.error(
              ProblemCode.WRONG_TYPE, path, "expected " + describe(targetType) + ", got " + got));
      return null;
    }
  }
}
