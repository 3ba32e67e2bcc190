package dev.apicontroller.cli.input;

import dev.apicontroller.cli.Diagnostics;
import dev.apicontroller.model.read.DocumentReader;
import dev.apicontroller.model.read.SourceDocument;
import dev.apicontroller.model.read.UnreadableInputException;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Turns the command's arguments (files, folders, {@code -} for stdin) into documents. Folders are
 * walked recursively for {@code *.yaml}, {@code *.yml} and {@code *.json}, in sorted order, so that
 * output is the same on every machine. Whatever cannot be read is reported and skipped.
 */
public final class InputSources {
  /** The name stdin goes by in diagnostics. */
  public static final String STDIN = "<stdin>";

  /** How much of a file is checked for NUL bytes before it is handed to the YAML parser. */
  private static final int SNIFF_BYTES = 8192;

  private final DocumentReader reader;
  private final InputStream stdin;
  private final Diagnostics diagnostics;

  public InputSources(DocumentReader reader, InputStream stdin, Diagnostics diagnostics) {
    this.reader = reader;
    this.stdin = stdin;
    this.diagnostics = diagnostics;
  }

  /** Every document of every argument, in argument order. */
  public List<SourceDocument> read(List<String> arguments) {
    return read(arguments, Function.identity());
  }

  /**
   * What {@code prepare} makes of every document of every argument, in argument order. Each
   * document is prepared right after it is parsed, while its tree is still in the processor's
   * cache; a source that turns out to be unreadable yields nothing, as with {@link #read(List)}.
   */
  public <T> List<T> read(List<String> arguments, Function<SourceDocument, T> prepare) {
    List<T> documents = new ArrayList<>();
    boolean stdinRead = false;
    for (String argument : arguments) {
      if (argument.equals("-")) {
        if (!stdinRead) documents.addAll(read(STDIN, stdin, prepare));
        stdinRead = true;
        continue;
      }
      for (Path file : files(argument)) {
        try {
          try (InputStream in = Files.newInputStream(file)) {
            documents.addAll(read(file.toString(), in, prepare));
          }
        } catch (IOException e) {
          diagnostics.unreadable(file.toString(), null, "cannot read: " + describe(e));
        }
      }
    }
    return documents;
  }

  /** The files an argument names: itself, or the manifests under a folder. */
  private List<Path> files(String argument) {
    Path path = Path.of(argument);
    if (!Files.exists(path)) {
      diagnostics.unreadable(argument, null, "no such file or directory");
      return List.of();
    }
    if (!Files.isDirectory(path)) return List.of(path);
    try (Stream<Path> walk = Files.walk(path)) {
      return walk.filter(p -> !p.equals(path))
          .filter(p -> !isHidden(path.relativize(p)))
          .filter(Files::isRegularFile)
          .filter(InputSources::isManifest)
          .sorted()
          .toList();
    } catch (IOException | java.io.UncheckedIOException e) {
      diagnostics.unreadable(argument, null, "cannot list folder: " + e.getMessage());
      return List.of();
    }
  }

  /** Dot-files and dot-folders ({@code .git}, editor backups) are not manifests. */
  private static boolean isHidden(Path relative) {
    for (Path part : relative) {
      if (part.toString().startsWith(".")) return true;
    }
    return false;
  }

  private static boolean isManifest(Path p) {
    String name = p.getFileName().toString().toLowerCase(Locale.ROOT);
    return name.endsWith(".yaml") || name.endsWith(".yml") || name.endsWith(".json");
  }

  private <T> List<T> read(String source, InputStream raw, Function<SourceDocument, T> prepare) {
    try {
      BufferedInputStream in = new BufferedInputStream(raw, 65536);
      in.mark(SNIFF_BYTES);
      byte[] head = in.readNBytes(SNIFF_BYTES);
      in.reset();
      int nul = indexOfNul(head);
      if (nul >= 0) {
        diagnostics.unreadable(
            source, null, "binary data (a NUL byte at offset " + nul + "), not YAML or JSON text");
        return List.of();
      }
      Reader text = new InputStreamReader(in, StandardCharsets.UTF_8);
      boolean json = startsLikeJson(head);
      // Jackson's JSON parser is linear and enforces the limits itself; SnakeYAML needs the guard.
      if (!json) text = new DocumentSizeGuard(text, reader.limits().maxDocumentChars());
      List<T> prepared = new ArrayList<>();
      reader.read(source, text, json, doc -> prepared.add(prepare.apply(doc)));
      return prepared;
    } catch (UnreadableInputException e) {
      diagnostics.unreadable(source, e.position(), withoutSourcePrefix(source, e.getMessage()));
    } catch (DocumentSizeGuard.TooLarge e) {
      diagnostics.unreadable(source, e.position(), e.getMessage());
    } catch (IOException e) {
      diagnostics.unreadable(source, null, "cannot read: " + describe(e));
    }
    return List.of();
  }

  private static int indexOfNul(byte[] bytes) {
    for (int i = 0; i < bytes.length; i++) {
      if (bytes[i] == 0) return i;
    }
    return -1;
  }

  /** JSON starts with {@code {} or {@code [} after white space and an optional byte order mark. */
  private static boolean startsLikeJson(byte[] head) {
    int i = 0;
    if (head.length >= 3 && (head[0] & 0xff) == 0xEF && (head[1] & 0xff) == 0xBB) i = 3;
    for (; i < head.length; i++) {
      byte b = head[i];
      if (b == ' ' || b == '\t' || b == '\r' || b == '\n') continue;
      return b == '{' || b == '[';
    }
    return false;
  }

  private static String withoutSourcePrefix(String source, String message) {
    if (message == null) return "cannot be read";
    return message.startsWith(source + ": ") ? message.substring(source.length() + 2) : message;
  }

  private static String describe(IOException e) {
    if (e instanceof NoSuchFileException) return "no such file";
    return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
  }
}
