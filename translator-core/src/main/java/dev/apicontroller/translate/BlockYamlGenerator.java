package dev.apicontroller.translate;

import com.fasterxml.jackson.core.Base64Variant;
import com.fasterxml.jackson.core.ObjectCodec;
import com.fasterxml.jackson.core.base.GeneratorBase;
import com.fasterxml.jackson.core.json.JsonWriteContext;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * A Jackson generator that writes one document as block-style YAML into a {@link StringBuilder},
 * laid out exactly as SnakeYAML's {@code Emitter} lays out what Jackson's {@code YAMLGenerator}
 * sends it with {@link Manifests}' settings: indent 2, sequences in mappings not indented, empty
 * collections as {@code {}} and {@code []}, no document markers. The layout code follows the
 * emitter's own state (column, whitespace, indention, the indent stack) so that it breaks lines and
 * indents where the emitter does; scalar text comes from {@link YamlScalarText}. Whatever this
 * class does not write itself throws {@link NotSpliceable}.
 */
final class BlockYamlGenerator extends GeneratorBase {
  private static final int INDENT = 2;
  private static final int NONE = 0;
  private static final int OBJECT = 1;
  private static final int ARRAY = 2;

  private final StringBuilder out;
  private final YamlScalarText scalars;

  // SnakeYAML's Emitter state; indent -1 is its null.
  private int column;
  private boolean whitespace = true;
  private boolean indention = true;
  private int indent = -1;
  private int[] indents = new int[16];
  // Open block collections (true: mapping), one per pushed indent.
  private boolean[] mappings = new boolean[16];
  private int depth;

  // A collection start waits for the next event: an immediate end makes it an empty flow one.
  private int pending = NONE;
  private boolean pendingInMapping;

  BlockYamlGenerator(int features, ObjectCodec codec, StringBuilder out, YamlScalarText scalars) {
    super(features, codec);
    this.out = out;
    this.scalars = scalars;
  }

  /** Ends the document as the emitter does: a line break unless at the start of a line. */
  void endDocument() throws IOException {
    if (depth != 0 || pending != NONE) throw new NotSpliceable();
    writeIndent();
  }

  @Override
  public void writeStartObject() throws IOException {
    _verifyValueWrite("start an object");
    _writeContext = _writeContext.createChildObjectContext();
    startCollection(OBJECT);
  }

  @Override
  public void writeStartObject(Object forValue) throws IOException {
    _verifyValueWrite("start an object");
    _writeContext = _writeContext.createChildObjectContext(forValue);
    startCollection(OBJECT);
  }

  @Override
  public void writeStartArray() throws IOException {
    _verifyValueWrite("start an array");
    _writeContext = _writeContext.createChildArrayContext();
    startCollection(ARRAY);
  }

  @Override
  public void writeEndObject() throws IOException {
    if (!_writeContext.inObject()) _reportError("Current context not Object");
    _writeContext = _writeContext.clearAndGetParent();
    endCollection(OBJECT, "{", "}");
  }

  @Override
  public void writeEndArray() throws IOException {
    if (!_writeContext.inArray()) _reportError("Current context not Array");
    _writeContext = _writeContext.clearAndGetParent();
    endCollection(ARRAY, "[", "]");
  }

  @Override
  public void writeFieldName(String name) throws IOException {
    if (_writeContext.writeFieldName(name) == JsonWriteContext.STATUS_EXPECT_VALUE) {
      _reportError("Can not write a field name, expecting a value");
    }
    openPending();
    writeIndent();
    writeScalarText(scalars.key(name));
    writeIndicator(":", false, false, false);
  }

  @Override
  public void writeString(String text) throws IOException {
    if (text == null) {
      writeNull();
      return;
    }
    _verifyValueWrite("write String value");
    scalar(scalars.value(text));
  }

  @Override
  public void writeString(char[] text, int offset, int len) throws IOException {
    writeString(new String(text, offset, len));
  }

  @Override
  public void writeUTF8String(byte[] text, int offset, int len) throws IOException {
    writeString(new String(text, offset, len, java.nio.charset.StandardCharsets.UTF_8));
  }

  @Override
  public void writeRawUTF8String(byte[] text, int offset, int len) throws IOException {
    throw new NotSpliceable();
  }

  @Override
  public void writeRaw(String text) throws IOException {
    throw new NotSpliceable();
  }

  @Override
  public void writeRaw(String text, int offset, int len) throws IOException {
    throw new NotSpliceable();
  }

  @Override
  public void writeRaw(char[] text, int offset, int len) throws IOException {
    throw new NotSpliceable();
  }

  @Override
  public void writeRaw(char c) throws IOException {
    throw new NotSpliceable();
  }

  @Override
  public void writeRawValue(String text) throws IOException {
    throw new NotSpliceable();
  }

  @Override
  public void writeRawValue(String text, int offset, int len) throws IOException {
    throw new NotSpliceable();
  }

  @Override
  public void writeRawValue(char[] text, int offset, int len) throws IOException {
    throw new NotSpliceable();
  }

  @Override
  public void writeBinary(Base64Variant variant, byte[] data, int offset, int len)
      throws IOException {
    throw new NotSpliceable();
  }

  @Override
  public void writeNumber(int v) throws IOException {
    _verifyValueWrite("write number");
    // Digits with an optional minus and no leading zero: always a plain scalar.
    scalar(Integer.toString(v));
  }

  @Override
  public void writeNumber(long v) throws IOException {
    _verifyValueWrite("write number");
    scalar(Long.toString(v));
  }

  @Override
  public void writeNumber(BigInteger v) throws IOException {
    if (v == null) {
      writeNull();
      return;
    }
    _verifyValueWrite("write number");
    scalar(scalars.other(v));
  }

  @Override
  public void writeNumber(double v) throws IOException {
    _verifyValueWrite("write number");
    scalar(scalars.other(v));
  }

  @Override
  public void writeNumber(float v) throws IOException {
    _verifyValueWrite("write number");
    scalar(scalars.other(v));
  }

  @Override
  public void writeNumber(BigDecimal v) throws IOException {
    if (v == null) {
      writeNull();
      return;
    }
    _verifyValueWrite("write number");
    scalar(scalars.other(v));
  }

  @Override
  public void writeNumber(String encodedValue) throws IOException {
    throw new NotSpliceable();
  }

  @Override
  public void writeBoolean(boolean state) throws IOException {
    _verifyValueWrite("write boolean value");
    scalar(state ? "true" : "false");
  }

  @Override
  public void writeNull() throws IOException {
    _verifyValueWrite("write null value");
    scalar("null");
  }

  // Jackson's YAML generator writes type and object ids natively (as tags and anchors).
  @Override
  public boolean canWriteTypeId() {
    return true;
  }

  @Override
  public boolean canWriteObjectId() {
    return true;
  }

  @Override
  public void writeTypeId(Object id) throws IOException {
    throw new NotSpliceable();
  }

  @Override
  public void writeObjectId(Object id) throws IOException {
    throw new NotSpliceable();
  }

  @Override
  public void writeObjectRef(Object id) throws IOException {
    throw new NotSpliceable();
  }

  @Override
  public void flush() {}

  @Override
  protected void _releaseBuffers() {}

  @Override
  protected void _verifyValueWrite(String typeMsg) throws IOException {
    if (_writeContext.writeValue() == JsonWriteContext.STATUS_EXPECT_NAME) {
      _reportError("Can not " + typeMsg + ", expecting field name");
    }
  }

  // ---- layout, after SnakeYAML's Emitter ----

  private void startCollection(int kind) throws IOException {
    openPending();
    boolean inMapping = beginNode();
    pending = kind;
    pendingInMapping = inMapping;
  }

  private void endCollection(int kind, String open, String close) throws IOException {
    if (pending == kind) {
      // Emitter.checkEmptyMapping/Sequence: an empty collection is written in flow style.
      pending = NONE;
      writeIndicator(open, true, true, false);
      writeIndicator(close, false, false, false);
      return;
    }
    if (pending != NONE || depth == 0 || mappings[depth - 1] != (kind == OBJECT)) {
      throw new NotSpliceable();
    }
    depth--;
    indent = indents[depth];
  }

  /** A pending collection start followed by content: a block mapping or sequence. */
  private void openPending() {
    if (pending == NONE) return;
    boolean mapping = pending == OBJECT;
    // Emitter.expectBlockSequence: a sequence that is a mapping value is not indented.
    boolean indentless = !mapping && pendingInMapping && !indention;
    pending = NONE;
    if (depth == indents.length) {
      indents = java.util.Arrays.copyOf(indents, depth * 2);
      mappings = java.util.Arrays.copyOf(mappings, depth * 2);
    }
    indents[depth] = indent;
    mappings[depth] = mapping;
    depth++;
    if (indent < 0) {
      indent = 0;
    } else if (!indentless) {
      indent += INDENT;
    }
  }

  /**
   * What the emitter writes before a node: the {@code -} of a sequence item. Returns whether the
   * node is a mapping value (the emitter's mapping context).
   */
  private boolean beginNode() throws IOException {
    if (depth == 0) return false;
    if (mappings[depth - 1]) return true;
    writeIndent();
    writeIndicator("-", true, false, true);
    return false;
  }

  private void scalar(String text) throws IOException {
    openPending();
    if (depth == 0) throw new NotSpliceable(); // a root scalar: not an object we emit
    beginNode();
    writeScalarText(text);
  }

  /** Any single-line scalar: plain, quoted or flow, after a space unless one was just written. */
  private void writeScalarText(String text) {
    if (!whitespace) {
      out.append(' ');
      column++;
    }
    out.append(text);
    column += text.length();
    whitespace = false;
    indention = false;
  }

  private void writeIndicator(
      String indicator, boolean needWhitespace, boolean whitespaceAfter, boolean indentation) {
    if (!whitespace && needWhitespace) {
      out.append(' ');
      column++;
    }
    whitespace = whitespaceAfter;
    indention = indention && indentation;
    column += indicator.length();
    out.append(indicator);
  }

  private void writeIndent() {
    int target = Math.max(indent, 0);
    if (!indention || column > target || (column == target && !whitespace)) {
      out.append('\n');
      whitespace = true;
      indention = true;
      column = 0;
    }
    if (target > column) {
      whitespace = true;
      for (int i = column; i < target; i++) out.append(' ');
      column = target;
    }
  }
}
