package dev.apicontroller.cli.input;

import com.fasterxml.jackson.databind.JsonNode;
import dev.apicontroller.model.Api;
import dev.apicontroller.model.ImmutableApi;
import dev.apicontroller.model.ImmutableObjectMetadata;
import dev.apicontroller.model.ObjectMetadata;
import dev.apicontroller.model.read.ApiDocument;
import dev.apicontroller.model.read.ApiReader;
import dev.apicontroller.model.read.DocumentPlace;
import dev.apicontroller.model.read.Problem;
import dev.apicontroller.model.read.ProblemCode;
import dev.apicontroller.model.read.SourceDocument;
import dev.apicontroller.translate.conflict.ApiSetView;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The input documents sorted by what they are to the CLI: {@code Api}s (bound strictly, in input
 * order, with the namespace filled in), {@code Service}s (their selectors and labels) and {@code
 * Namespace}s (their labels). Everything else is ignored.
 *
 * @param apis every {@code Api} document, valid or not
 * @param services the selectors of every {@code Service} document
 * @param namespaces the labels of every {@code Namespace} document
 */
public record InputSet(
    List<ApiDocument> apis,
    List<ServiceSelector> services,
    List<Rejected> rejected,
    List<NamespaceLabels> namespaces) {
  private static final ApiReader API_READER = new ApiReader(ApiSchemaResource.load());

  public InputSet {
    apis = List.copyOf(apis);
    services = List.copyOf(services);
    rejected = List.copyOf(rejected);
    namespaces = List.copyOf(namespaces);
  }

  /** A document other than an {@code Api} left out because of {@code problem}. */
  public record Rejected(DocumentPlace source, Problem problem) {}

  /**
   * One document as the CLI sees it, sorted as soon as it is read: an {@code Api} bound, a {@code
   * Service}'s selector, a {@code Namespace}'s labels, a document rejected, or none of them (all
   * null) for anything else.
   */
  public record Sorted(
      ApiDocument api, ServiceSelector service, Rejected rejected, NamespaceLabels namespace) {}

  /**
   * Sorts documents; {@code namespace} is given to documents that have none (like {@code kubectl
   * apply -n}). A second {@code Api} with the namespace and name of an earlier one is an error.
   * With a {@code required} namespace (given with {@code -n}), a document that names another one is
   * an error (as {@code kubectl apply -n}).
   */
  public static InputSet of(List<SourceDocument> documents, String namespace, String required) {
    List<Sorted> sorted = new ArrayList<>(documents.size());
    for (SourceDocument doc : documents) sorted.add(sort(doc, namespace, required));
    return collect(sorted);
  }

  /**
   * Sorts one document, binding it when it is an {@code Api}; {@code namespace} is given to a
   * document that has none. Pure: meant to run right after the document is parsed. With a {@code
   * required} namespace, a document that names another one is an error: an {@code Api} with that
   * problem, anything else rejected.
   */
  public static Sorted sort(SourceDocument doc, String namespace, String required) {
    Problem mismatch = namespaceMismatch(doc, required);
    if (ApiReader.isApi(doc)) {
      ApiDocument read = withNamespace(API_READER.read(doc), namespace);
      if (mismatch != null) {
        List<Problem> problems = new ArrayList<>(read.problems());
        problems.add(mismatch);
        read = new ApiDocument(doc.place(), read.api(), problems);
      }
      return new Sorted(read, null, null, null);
    }
    if (mismatch != null) {
      return new Sorted(null, null, new Rejected(doc.place(), mismatch), null);
    }
    if (isService(doc)) return new Sorted(null, service(doc, namespace), null, null);
    if (isNamespace(doc)) return new Sorted(null, null, null, namespaceLabels(doc));
    return new Sorted(null, null, null, null);
  }

  /**
   * The error for a document whose {@code metadata.namespace} is not {@code required} (the {@code
   * -n} flag), in kubectl's words; null when it matches, names none, or nothing is required.
   */
  public static Problem namespaceMismatch(SourceDocument doc, String required) {
    if (required == null) return null;
    String own = doc.root().path("metadata").path("namespace").asText("");
    if (own.isEmpty() || own.equals(required)) return null;
    return Problem.error(
            ProblemCode.NAMESPACE_MISMATCH,
            "metadata.namespace",
            "the namespace from the provided object \""
                + own
                + "\" does not match the namespace \""
                + required
                + "\". You must pass '--namespace="
                + own
                + "' to perform this operation.")
        .at(doc.positionOf("metadata.namespace"));
  }

  /**
   * The set of documents sorted by {@link #sort}, in input order. A second {@code Api} with the
   * namespace and name of an earlier one is an error.
   */
  public static InputSet collect(List<Sorted> documents) {
    List<ApiDocument> apis = new ArrayList<>();
    List<ServiceSelector> services = new ArrayList<>();
    List<Rejected> rejected = new ArrayList<>();
    List<NamespaceLabels> namespaces = new ArrayList<>();
    Map<String, DocumentPlace> seen = new HashMap<>();
    for (Sorted sorted : documents) {
      if (sorted.service() != null) services.add(sorted.service());
      if (sorted.namespace() != null) namespaces.add(sorted.namespace());
      if (sorted.rejected() != null) rejected.add(sorted.rejected());
      ApiDocument read = sorted.api();
      if (read == null) continue;
      if (read.api() != null) {
        DocumentPlace doc = read.source();
        DocumentPlace first = seen.putIfAbsent(read.api().qualifiedName(), doc);
        if (first != null) {
          List<Problem> problems = new ArrayList<>(read.problems());
          problems.add(
              Problem.error(
                      ProblemCode.DUPLICATE_API,
                      "metadata.name",
                      "Api "
                          + read.api().qualifiedName()
                          + " is defined twice; the first is at "
                          + first.source()
                          + ":"
                          + first.start())
                  .at(doc.positionOf("metadata.name")));
          read = new ApiDocument(doc, read.api(), problems);
        }
      }
      apis.add(read);
    }
    return new InputSet(apis, services, rejected, namespaces);
  }

  /**
   * This set with the Services {@code given} on the command line added; a Service document among
   * the inputs for the same namespace/name wins (see {@link #overriddenBy}).
   */
  public InputSet withServices(List<ServiceSelector> given) {
    List<ServiceSelector> all = new ArrayList<>(services);
    for (ServiceSelector s : given) {
      if (documentFor(s) == null) all.add(s);
    }
    return new InputSet(apis, all, rejected, namespaces);
  }

  /** Those of {@code given} that a Service document among the inputs overrides. */
  public List<ServiceSelector> overriddenBy(List<ServiceSelector> given) {
    return given.stream().filter(s -> documentFor(s) != null).toList();
  }

  private ServiceSelector documentFor(ServiceSelector given) {
    for (ServiceSelector s : services) {
      if (s.namespace().equals(given.namespace()) && s.name().equals(given.name())) return s;
    }
    return null;
  }

  /**
   * {@code view} with the facts of this set: the Services (selectors and labels) and the Namespaces
   * (labels decide the data plane under {@code DATAPLANE=auto}, SPEC 3.5).
   */
  public ApiSetView.Builder addFactsTo(ApiSetView.Builder view) {
    for (ServiceSelector s : services) {
      view.service(s.namespace(), s.name(), s.selector());
      view.serviceLabels(s.namespace(), s.name(), s.labels());
    }
    for (NamespaceLabels n : namespaces) view.namespace(n.name(), n.labels());
    return view;
  }

  /** The {@code Api}s that bound without errors, in input order. */
  public List<ApiDocument> validApis() {
    return apis.stream().filter(d -> !d.hasErrors()).toList();
  }

  private static ApiDocument withNamespace(ApiDocument read, String namespace) {
    Api api = read.api();
    if (api == null) return read;
    ObjectMetadata meta = api.metadata();
    if (meta.namespace() != null && !meta.namespace().isEmpty()) return read;
    Api placed =
        ImmutableApi.copyOf(api)
            .withMetadata(ImmutableObjectMetadata.copyOf(meta).withNamespace(namespace));
    return new ApiDocument(read.source(), placed, read.problems());
  }

  private static boolean isService(SourceDocument doc) {
    return "Service".equals(doc.kind()) && "v1".equals(doc.apiVersion());
  }

  private static boolean isNamespace(SourceDocument doc) {
    return "Namespace".equals(doc.kind())
        && "v1".equals(doc.apiVersion())
        && !doc.root().path("metadata").path("name").asText("").isEmpty();
  }

  private static ServiceSelector service(SourceDocument doc, String namespace) {
    JsonNode meta = doc.root().path("metadata");
    String ns = meta.path("namespace").asText("");
    return new ServiceSelector(
        ns.isEmpty() ? namespace : ns,
        meta.path("name").asText(""),
        strings(doc.root().path("spec").path("selector")),
        strings(meta.path("labels")));
  }

  private static NamespaceLabels namespaceLabels(SourceDocument doc) {
    JsonNode meta = doc.root().path("metadata");
    return new NamespaceLabels(meta.path("name").asText(""), strings(meta.path("labels")));
  }

  /** A map of strings, such as {@code spec.selector} or {@code metadata.labels}. */
  private static Map<String, String> strings(JsonNode map) {
    Map<String, String> out = new LinkedHashMap<>();
    map.properties().forEach(e -> out.put(e.getKey(), e.getValue().asText()));
    return out;
  }
}
