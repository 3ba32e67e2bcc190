package dev.apicontroller.model.read;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.core.JsonStreamContext;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Converts between the two ways a field is named: the user-facing path ({@code
 * spec.authentication[1].jwt.issuer}) and the JSON pointer used to find its source position.
 */
public final class FieldPath {
  private FieldPath() {}

  /** The path of the value a parser context is at. */
  public static String of(JsonStreamContext context) {
    Deque<String> parts = new ArrayDeque<>();
    for (JsonStreamContext c = context; c != null && !c.inRoot(); c = c.getParent()) {
      if (c.inArray()) {
        if (c.hasCurrentIndex()) parts.push("[" + c.getCurrentIndex() + "]");
      } else if (c.inObject() && c.getCurrentName() != null) {
        parts.push(segment(c.getCurrentName()));
      }
    }
    String joined = String.join("", parts);
    return joined.startsWith(".") ? joined.substring(1) : joined;
  }

  /**
   * {@code parent.child}, or {@code child} at the top; a name that is not a plain word (a dot, a
   * space, a bracket, a line break in it) is written {@code parent["a.b"]} so the path stays
   * unambiguous and points back at the right source position.
   */
  public static String child(String parent, String name) {
    String segment = segment(name);
    return parent.isEmpty() && segment.startsWith(".") ? segment.substring(1) : parent + segment;
  }

  private static String segment(String name) {
    return plain(name) ? "." + name : "[" + quoted(name) + "]";
  }

  /** Letters, digits, {@code _ $ -}: a name that reads unambiguously after a dot. */
  private static boolean plain(String name) {
    return !name.isEmpty()
        && name.chars()
            .allMatch(
                c ->
                    (c >= 'a' && c <= 'z')
                        || (c >= 'A' && c <= 'Z')
                        || (c >= '0' && c <= '9')
                        || c == '_'
                        || c == '$'
                        || c == '-');
  }

  private static String quoted(String name) {
    StringBuilder sb = new StringBuilder("\"");
    for (int i = 0; i < name.length(); i++) {
      char ch = name.charAt(i);
      if (ch == '"' || ch == '\\') sb.append('\\');
      sb.append(ch);
    }
    return sb.append('"').toString();
  }

  /** {@code parent[index]}. */
  public static String index(String parent, int index) {
    return parent + "[" + index + "]";
  }

  /** The JSON pointer of a path, for looking up positions. */
  public static JsonPointer toPointer(String path) {
    StringBuilder sb = new StringBuilder();
    int i = 0;
    while (i < path.length()) {
      char ch = path.charAt(i);
      if (ch == '.') {
        i++;
        continue;
      }
      if (ch == '[' && i + 1 < path.length() && path.charAt(i + 1) == '"') {
        StringBuilder name = new StringBuilder();
        int j = i + 2;
        for (; j < path.length() && path.charAt(j) != '"'; j++) {
          if (path.charAt(j) == '\\' && j + 1 < path.length()) j++;
          name.append(path.charAt(j));
        }
        sb.append('/').append(name.toString().replace("~", "~0").replace("/", "~1"));
        i = Math.min(path.length(), j + 2);
        continue;
      }
      if (ch == '[') {
        int end = path.indexOf(']', i);
        if (end < 0) break;
        sb.append('/').append(path, i + 1, end);
        i = end + 1;
        continue;
      }
      int end = i;
      while (end < path.length() && path.charAt(end) != '.' && path.charAt(end) != '[') end++;
      sb.append('/').append(path.substring(i, end).replace("~", "~0").replace("/", "~1"));
      i = end;
    }
    return JsonPointer.compile(sb.toString());
  }
}
