package dev.apicontroller.cli;

import dev.apicontroller.cli.output.ManifestWriter;
import dev.apicontroller.cli.output.YamlDocumentStream;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** {@code -o yaml|json} and the writing of objects in that format, for render and migrate. */
final class ObjectOutput {
  @Option(
      names = {"-o", "--output"},
      paramLabel = "yaml|json",
      defaultValue = "yaml",
      description = "yaml (multi-document) or json (one v1 List). Default: ${DEFAULT-VALUE}.")
  ObjectFormat format;

  /**
   * Where objects go as they are made: YAML documents are written at once; JSON, one {@code List},
   * is written when the sink closes.
   */
  interface Sink {
    void write(List<?> objects);

    /** Ends the output. */
    void close();
  }

  /** A sink into {@code out}; closing it ends the output (nothing for no objects in YAML). */
  Sink open(PrintWriter out) {
    if (format == ObjectFormat.JSON) {
      List<Object> all = new ArrayList<>();
      return new Sink() {
        @Override
        public void write(List<?> objects) {
          all.addAll(objects);
        }

        @Override
        public void close() {
          ManifestWriter.writeJsonList(all, out);
        }
      };
    }
    YamlDocumentStream documents = new YamlDocumentStream(out);
    return new Sink() {
      @Override
      public void write(List<?> objects) {
        for (Object object : objects) documents.write(object);
      }

      @Override
      public void close() {
        documents.close();
      }
    };
  }

  /** Writes {@code objects}, streamed: no text of the whole output is held in memory. */
  void write(List<?> objects, PrintWriter out) {
    Sink sink = open(out);
    sink.write(objects);
    sink.close();
  }
}
