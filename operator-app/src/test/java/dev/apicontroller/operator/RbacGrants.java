package dev.apicontroller.operator;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The permissions deploy/ grants, and the permission each recorded API request needs, so a test can
 * prove the operator uses every rule of the ClusterRole and the lease Role (the API server, which
 * the operator talks to as deploy/'s ServiceAccount, proves it needs no more).
 */
final class RbacGrants {
  private final Set<String> grants = new HashSet<>();

  RbacGrants() {
    add(DeployManifests.one("ClusterRole", "api-controller"));
    add(DeployManifests.one("Role", "api-controller-leader-election"));
  }

  private void add(JsonNode role) {
    for (JsonNode rule : role.get("rules"))
      for (JsonNode group : rule.get("apiGroups"))
        for (JsonNode resource : rule.get("resources"))
          for (JsonNode verb : rule.get("verbs"))
            grants.add(group.asText() + "/" + resource.asText() + ":" + verb.asText());
  }

  /** Every {@code group/resource:verb} the two roles grant. */
  Set<String> all() {
    return Set.copyOf(grants);
  }

  /** The permissions {@code requests} (as recorded by {@link WriteCounter}) needed. */
  static Set<String> neededFor(List<String> requests) {
    Set<String> needed = new TreeSet<>();
    for (String request : requests) {
      Optional<String> permission = permission(request);
      if (permission.isEmpty()) continue;
      needed.add(permission.get());
      // A server-side apply creates the object when it is missing, and then the API server also
      // checks create (RbacCoverageIT.aServerSideApplyThatCreatesNeedsCreateAsWellAsPatch).
      if (isServerSideApply(request)) {
        needed.add(permission.get().replaceFirst(":patch$", ":create"));
      }
    }
    return needed;
  }

  /** The operator's server-side applies are the PATCHes that force conflicts. */
  static boolean isServerSideApply(String request) {
    return request.startsWith("PATCH ") && request.contains("force=true");
  }

  /**
   * {@code group/resource[/subresource]:verb} for a request recorded by {@link WriteCounter}, or
   * empty for discovery requests (allowed to every authenticated user).
   */
  static Optional<String> permission(String request) {
    String method = request.substring(0, request.indexOf(' '));
    String rest = request.substring(request.indexOf(' ') + 1);
    String path = rest.contains("?") ? rest.substring(0, rest.indexOf('?')) : rest;
    String query = rest.contains("?") ? rest.substring(rest.indexOf('?') + 1) : "";
    String[] parts = path.substring(1).split("/");
    int start;
    String group;
    if (parts[0].equals("api")) {
      group = "";
      start = 2;
    } else {
      if (parts.length < 3) return Optional.empty();
      group = parts[1];
      start = 3;
    }
    if (parts.length > start && parts[start].equals("namespaces") && parts.length > start + 2) {
      start += 2;
    }
    if (parts.length <= start) return Optional.empty();
    String resource = parts[start];
    boolean named = parts.length > start + 1;
    if (parts.length > start + 2) resource += "/" + parts[start + 2];
    String verb =
        switch (method) {
          case "GET" -> named ? "get" : query.contains("watch=true") ? "watch" : "list";
          case "POST" -> "create";
          case "PUT" -> "update";
          case "PATCH" -> "patch";
          case "DELETE" -> named ? "delete" : "deletecollection";
          default -> method.toLowerCase(java.util.Locale.ROOT);
        };
    return Optional.of(group + "/" + resource + ":" + verb);
  }
}
