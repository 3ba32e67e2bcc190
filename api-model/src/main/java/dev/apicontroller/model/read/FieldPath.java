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
        parts.push("." + c.getCurrentName());
      }
    }
    String joined = String.join("", parts);
    return joined.startsWith(".") ? joined.substring(1) : joined;
  }

  /** {@code parent.child}, or {@code child} at the top. */
  public static String child(String parent, String name) {
    return parent.isEmpty() ? name : parent + "." + name;
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
