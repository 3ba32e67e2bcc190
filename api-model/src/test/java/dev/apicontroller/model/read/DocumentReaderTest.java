package dev.apicontroller.model.read;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class DocumentReaderTest {
  private final DocumentReader reader = new DocumentReader();

  @Test
  void readsMultiDocumentYamlWithPositionsOfKeysAndItems() throws Exception {
    List<SourceDocument> docs =
        reader.read(
            "f.yaml",
            """
            kind: A
            ---
            # comment
            kind: B
            spec:
              list:
              - x
              - y: 1
            """);
    assertThat(docs).extracting(SourceDocument::kind).containsExactly("A", "B");
    assertThat(docs).extracting(SourceDocument::index).containsExactly(0, 1);
    SourceDocument b = docs.get(1);
    assertThat(b.positionOf("spec")).isEqualTo(new Position(5, 1));
    assertThat(b.positionOf("spec.list[1]")).isEqualTo(new Position(8, 5));
    assertThat(b.positionOf("spec.list[1].y")).isEqualTo(new Position(8, 5));
    // An unknown path falls back to its nearest known ancestor.
    assertThat(b.positionOf("spec.list[1].y.z")).isEqualTo(new Position(8, 5));
  }

  @Test
  void emptyDocumentsAreSkipped() throws Exception {
    assertThat(reader.read("f.yaml", "---\n---\nkind: A\n---\n")).hasSize(1);
  }

  @Test
  void readsConcatenatedJsonValuesAndFlattensLists() throws Exception {
    List<SourceDocument> docs =
        reader.read(
            "f.json",
            """
            {"kind": "A"}
            {"apiVersion": "v1", "kind": "List", "items": [
              {"kind": "B"},
              {"kind": "C", "spec": {"x": 1}}
            ]}
            """);
    assertThat(docs).extracting(SourceDocument::kind).containsExactly("A", "B", "C");
    assertThat(docs.get(2).positionOf("spec.x")).isEqualTo(new Position(4, 26));
  }

  @Test
  void aliasesAreExpanded() throws Exception {
    SourceDocument doc =
        reader.read("f.yaml", "base: &b {port: 80}\ncopy: *b\nlist: &l [a, b]\nsame: *l\n").get(0);
    assertThat(doc.root().get("copy").get("port").asInt()).isEqualTo(80);
    assertThat(doc.root().get("same").get(1).asText()).isEqualTo("b");
  }

  @Test
  void positionsAfterAliasesAndInsideThemPointAtTheRightLine() throws Exception {
    SourceDocument doc =
        reader
            .read(
                "f.yaml",
                """
                base: &b
                  port: 80
                  name: x
                copy: *b
                list:
                - *b
                - after: 1
                "a/b~c": 2
                last: [1, [2, 3]]
                """)
            .get(0);
    assertThat(doc.positionOf("base.name")).isEqualTo(new Position(3, 3));
    assertThat(doc.positionOf("copy")).isEqualTo(new Position(4, 1));
    // Inside an alias there is only the alias itself.
    assertThat(doc.positionOf("copy.port")).isEqualTo(new Position(4, 1));
    assertThat(doc.positionOf("list[0].name")).isEqualTo(new Position(6, 3));
    assertThat(doc.positionOf("list[1].after")).isEqualTo(new Position(7, 3));
    assertThat(doc.positionOf("[\"a/b~c\"]")).isEqualTo(new Position(8, 1));
    assertThat(doc.positionOf("last[1][1]")).isEqualTo(new Position(9, 15));
    assertThat(doc.positionOf("missing")).isEqualTo(new Position(1, 1));
  }

  @Test
  void plainScalarsJacksonMistakesForNumbersStayText() throws Exception {
    SourceDocument doc = reader.read("f.yaml", "a: ._\nb: +.inf\nc: 1_000\nd: .5\n").get(0);
    assertThat(doc.root().get("a").asText()).isEqualTo("._");
    assertThat(doc.root().get("b").asText()).isEqualTo("+.inf");
    assertThat(doc.root().get("c").asInt()).isEqualTo(1000);
    assertThat(doc.root().get("d").asDouble()).isEqualTo(0.5);
  }

  @Test
  void aliasBombIsRefusedEarly() {
    StringBuilder bomb = new StringBuilder("a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
    for (int i = 1; i <= 9; i++) {
      String prev = "*a" + (i - 1);
      bomb.append("a").append(i).append(": &a").append(i).append(" [");
      bomb.append(String.join(", ", java.util.Collections.nCopies(10, prev))).append("]\n");
    }
    assertThatThrownBy(() -> reader.read("bomb.yaml", bomb.toString()))
        .isInstanceOf(UnreadableInputException.class)
        .hasMessageContaining("alias bomb");
  }

  @Test
  void deepNestingIsRefused() {
    String deep = "[".repeat(10_000) + "]".repeat(10_000);
    assertThatThrownBy(() -> reader.read("deep.json", deep))
        .isInstanceOf(UnreadableInputException.class)
        .hasMessageContaining("nesting");
    String deepYaml = "a:\n" + "  ".repeat(1) + "- ".repeat(500) + "x\n";
    assertThatThrownBy(() -> reader.read("deep.yaml", deepYaml))
        .isInstanceOf(UnreadableInputException.class);
  }

  @Test
  void documentsBeyondTheSizeLimitAreRefused() {
    DocumentReader small = new DocumentReader(new ReadLimits(1024, 100, 1000));
    String big = "a: " + "x".repeat(2000) + "\n";
    assertThatThrownBy(() -> small.read("big.yaml", big))
        .isInstanceOf(UnreadableInputException.class);
    String bigJson = "{\"a\": \"" + "x".repeat(2000) + "\"}";
    assertThatThrownBy(() -> small.read("big.json", bigJson))
        .isInstanceOf(UnreadableInputException.class)
        .hasMessageContaining("limits");
  }

  @Test
  void syntaxErrorsCarryTheirPosition() {
    assertThatThrownBy(() -> reader.read("bad.yaml", "a: b\nc: [d\n"))
        .isInstanceOfSatisfying(
            UnreadableInputException.class,
            e -> assertThat(e.position()).isNotNull().extracting(Position::line).isNotEqualTo(0));
  }

  @Test
  void duplicateKeysAreRefused() {
    assertThatThrownBy(() -> reader.read("dup.yaml", "a: 1\na: 2\n"))
        .isInstanceOf(UnreadableInputException.class)
        .hasMessageContaining("Duplicate field 'a'");
  }

  @Test
  void binaryGarbageIsRefusedNotThrownAsSomethingElse() {
    StringBuilder garbage = new StringBuilder();
    java.util.Random random = new java.util.Random(42);
    for (int i = 0; i < 4096; i++) garbage.append((char) random.nextInt(0x20));
    assertThatThrownBy(() -> reader.read("garbage.bin", garbage.toString()))
        .isInstanceOf(UnreadableInputException.class);
  }
}
