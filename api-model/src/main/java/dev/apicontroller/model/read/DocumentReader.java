package dev.apicontroller.model.read;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.yaml.snakeyaml.LoaderOptions;

/**
 * Reads a stream of YAML documents (or JSON values) into {@link SourceDocument}s that remember
 * where each value stood. Items of a {@code v1 List} become documents of their own. YAML aliases
 * are expanded, with every expansion counted against {@link ReadLimits#maxNodes()}.
 *
 * <p>Thread-safe; one instance can serve any number of readers.
 */
public final class DocumentReader {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private final ReadLimits limits;
  private final YAMLFactory yaml;
  private final JsonFactory json;

  public DocumentReader() {
    this(ReadLimits.DEFAULT);
  }

  public DocumentReader(ReadLimits limits) {
    this.limits = limits;
    StreamReadConstraints constraints =
        StreamReadConstraints.builder()
            .maxNestingDepth(limits.maxDepth())
            .maxStringLength(limits.maxDocumentChars())
            .maxDocumentLength(limits.maxDocumentChars())
            .build();
    LoaderOptions loader = new LoaderOptions();
    loader.setCodePointLimit(limits.maxDocumentChars());
    loader.setNestingDepthLimit(limits.maxDepth());
    loader.setAllowDuplicateKeys(false);
    this.yaml =
        YAMLFactory.builder().loaderOptions(loader).streamReadConstraints(constraints).build();
    this.json = JsonFactory.builder().streamReadConstraints(constraints).build();
  }

  public ReadLimits limits() {
    return limits;
  }

  /** Reads every document of {@code text}; {@code source} names it in positions and messages. */
  public List<SourceDocument> read(String source, String text) throws UnreadableInputException {
    List<SourceDocument> out = new ArrayList<>();
    read(source, new StringReader(text), looksLikeJson(text), out::add);
    return out;
  }

  /**
   * Reads every document from {@code reader}, handing each to {@code each} as soon as it is parsed,
   * while its tree is still in the processor's cache. When reading fails half-way, {@code each} has
   * seen the documents before the failure; a caller that must not act on a source with a syntax
   * error keeps what it made of them until this returns. {@code isJson} chooses the JSON parser:
   * YAML parsing would accept most JSON too, but the JSON parser is faster and its messages are
   * more precise.
   */
  public void read(String source, Reader reader, boolean isJson, Consumer<SourceDocument> each)
      throws UnreadableInputException {
    try (JsonParser p = isJson ? json.createParser(reader) : yaml.createParser(reader)) {
      int index = 0;
      KeyNames keys = new KeyNames();
      while (true) {
        JsonToken t;
        try {
          t = p.nextToken();
        } catch (JsonProcessingException e) {
          throw unreadable(e, p);
        }
        if (t == null) break;
        PositionIndex positions = new PositionIndex();
        Tree tree = new Tree(positions, keys);
        JsonNode root = tree.read(p, 0);
        positions.trim();
        if (root.isNull() || (root.isTextual() && root.asText().isEmpty())) {
          continue; // an empty YAML document ("---" alone)
        }
        if (isList(root)) {
          ArrayNode items = (ArrayNode) root.get("items");
          for (int i = 0; i < items.size(); i++) {
            each.accept(
                new SourceDocument(source, index++, items.get(i), positions, "/items/" + i));
          }
        } else {
          each.accept(new SourceDocument(source, index++, root, positions, ""));
        }
      }
    } catch (UnreadableInputException e) {
      throw e;
    } catch (IOException e) {
      throw new UnreadableInputException(source + ": " + e.getMessage(), null);
    }
  }

  private static boolean isList(JsonNode root) {
    JsonNode kind = root.get("kind");
    JsonNode items = root.get("items");
    return root.isObject()
        && kind != null
        && kind.isTextual()
        && kind.asText().endsWith("List")
        && items != null
        && items.isArray();
  }

  private static boolean looksLikeJson(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\uFEFF' || Character.isWhitespace(c)) continue;
      return c == '{' || c == '[';
    }
    return false;
  }

  private static Position position(JsonLocation loc) {
    return new Position(line(loc), column(loc));
  }

  private static int line(JsonLocation loc) {
    return Math.max(1, loc.getLineNr());
  }

  private static int column(JsonLocation loc) {
    return Math.max(1, loc.getColumnNr());
  }

  private UnreadableInputException unreadable(JsonProcessingException e, JsonParser p) {
    JsonLocation loc = e.getLocation() != null ? e.getLocation() : p.currentLocation();
    String message;
    if (e instanceof StreamConstraintsException) {
      message = "input is beyond the limits of a manifest: " + e.getOriginalMessage();
    } else {
      message = firstLine(e.getOriginalMessage());
    }
    return new UnreadableInputException(message, loc == null ? null : position(loc));
  }

  private static String firstLine(String s) {
    if (s == null) return "cannot parse";
    int nl = s.indexOf('\n');
    return nl < 0 ? s : s.substring(0, nl);
  }

  /**
   * One string for each key name met in a source: the YAML parser makes a new string for every key
   * of every document, and all the trees are held until the run ends. Shared, the names are held
   * once and their hash codes computed once. Bounded, so that a source of made-up keys cannot grow
   * it without end.
   */
  private static final class KeyNames {
    private static final int MAX = 4096;
    private final Map<String, String> names = new HashMap<>();

    String canonical(String name) {
      String known = names.get(name);
      if (known != null) return known;
      if (names.size() < MAX) names.put(name, name);
      return name;
    }
  }

  /** Builds one document's tree, recording positions and expanding aliases within budget. */
  private final class Tree {
    private final PositionIndex positions;
    private final KeyNames keys;
    private final Map<String, JsonNode> anchors = new HashMap<>();
    private final Map<JsonNode, Integer> sizes = new java.util.IdentityHashMap<>();
    private long nodes;

    Tree(PositionIndex positions, KeyNames keys) {
      this.positions = positions;
      this.keys = keys;
    }

    JsonNode read(JsonParser p, int depth) throws UnreadableInputException {
      try {
        JsonLocation here = p.currentTokenLocation();
        return value(p, depth, positions.add(line(here), column(here), null));
      } catch (UnreadableInputException e) {
        throw e;
      } catch (JsonProcessingException e) {
        throw unreadable(e, p);
      } catch (IOException e) {
        throw new UnreadableInputException(e.getMessage(), position(p.currentLocation()));
      }
    }

    /**
     * One value and everything under it, whose {@code entry} in {@link #positions} the caller has
     * added: an object member's is its key's position (recorded before its value is read), any
     * other value's its own. Each value under it adds one entry, in parse order.
     */
    private JsonNode value(JsonParser p, int depth, int entry)
        throws IOException, UnreadableInputException {
      JsonToken t = p.currentToken();
      JsonLocation here = p.currentTokenLocation();
      if (depth > limits.maxDepth()) {
        throw new UnreadableInputException(
            "nesting deeper than " + limits.maxDepth() + " levels", position(here));
      }
      String anchor = p.getObjectId() instanceof String s ? s : null;
      long before = count(here, 1);
      JsonNode node;
      switch (t) {
        case START_OBJECT -> {
          ObjectNode obj = NODES.objectNode();
          while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = keys.canonical(p.currentName());
            JsonLocation keyAt = p.currentTokenLocation();
            if (obj.has(name)) {
              throw new UnreadableInputException("duplicate key \"" + name + "\"", position(keyAt));
            }
            int member = positions.add(line(keyAt), column(keyAt), name);
            p.nextToken();
            obj.set(name, value(p, depth + 1, member));
          }
          node = obj;
        }
        case START_ARRAY -> {
          ArrayNode arr = NODES.arrayNode();
          while (p.nextToken() != JsonToken.END_ARRAY) {
            JsonLocation itemAt = p.currentTokenLocation();
            arr.add(value(p, depth + 1, positions.add(line(itemAt), column(itemAt), null)));
          }
          node = arr;
        }
        case VALUE_STRING -> node = scalarOrAlias(p, here, entry);
        case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> node = number(p);
        case VALUE_TRUE -> node = NODES.booleanNode(true);
        case VALUE_FALSE -> node = NODES.booleanNode(false);
        case VALUE_NULL -> node = NODES.nullNode();
        default -> throw new UnreadableInputException("unexpected " + t, position(here));
      }
      positions.end(entry);
      // Only an anchored tree can be expanded again, so only its size is kept.
      if (anchor != null) {
        if (node.isContainerNode()) sizes.put(node, (int) (nodes - before));
        anchors.put(anchor, node);
      }
      return node;
    }

    /**
     * A number as the parser typed it. Jackson's YAML number detection takes a few plain scalars
     * for numbers it then cannot convert ({@code ._}, {@code +.inf}); those stay the text they are.
     */
    private JsonNode number(JsonParser p) throws IOException {
      try {
        return switch (p.getNumberType()) {
          case INT -> NODES.numberNode(p.getIntValue());
          case LONG -> NODES.numberNode(p.getLongValue());
          case BIG_INTEGER -> NODES.numberNode(p.getBigIntegerValue());
          default -> NODES.numberNode(p.getDoubleValue());
        };
      } catch (JsonProcessingException | NumberFormatException e) {
        return NODES.textNode(p.getText());
      }
    }

    private JsonNode scalarOrAlias(JsonParser p, JsonLocation here, int entry)
        throws IOException, UnreadableInputException {
      if (p instanceof YAMLParser y && y.isCurrentAlias()) {
        positions.alias(entry);
        String name = p.getText();
        JsonNode target = anchors.get(name);
        if (target == null) {
          throw new UnreadableInputException(
              "unknown YAML alias *" + name + " (anchors are supported on objects and lists)",
              position(here));
        }
        // The anchored tree is shared, not copied: nothing downstream mutates it. Its full size
        // still counts, so that an alias bomb stops here instead of when it is written out.
        count(here, sizes.getOrDefault(target, 1) - 1);
        return target;
      }
      return NODES.textNode(p.getText());
    }

    private long count(JsonLocation here, long more) throws UnreadableInputException {
      long before = nodes;
      nodes += more;
      if (nodes > limits.maxNodes()) {
        throw new UnreadableInputException(
            "document expands to more than "
                + limits.maxNodes()
                + " values (a YAML alias bomb, or far beyond any manifest)",
            position(here));
      }
      return before;
    }
  }
}
