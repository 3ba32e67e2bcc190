package dev.apicontroller.cli;

import dev.apicontroller.model.read.ApiDocument;
import dev.apicontroller.translate.Translation;

/**
 * One input {@code Api} and what the core decided for it; {@code translation} is null when the
 * document did not bind (its problems are in {@code document}).
 */
public record TranslatedApi(ApiDocument document, Translation translation) {}
