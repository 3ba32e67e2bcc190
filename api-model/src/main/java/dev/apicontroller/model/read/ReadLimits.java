package dev.apicontroller.model.read;

/**
 * How large and how deep a manifest may be. Real manifests stay far below these; hostile input
 * (alias bombs, megabyte scalars, thousands of nested brackets) meets them early, with bounded
 * memory.
 *
 * @param maxDocumentChars characters in one document (16 MiB by default)
 * @param maxDepth nesting of objects and arrays
 * @param maxNodes values in one document, counting each alias expansion in full
 */
public record ReadLimits(int maxDocumentChars, int maxDepth, int maxNodes) {
  public static final ReadLimits DEFAULT = new ReadLimits(16 * 1024 * 1024, 100, 1_000_000);
}
