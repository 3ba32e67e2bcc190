package dev.apicontroller.translate.migrate;

import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.databind.JsonNode;
import dev.apicontroller.translate.IstioSpec;

/**
 * A {@code spec} carried over as its author wrote it, with the migration's changes applied. A
 * hand-written VirtualService may use any of Istio's routing fields, far more than the controller
 * generates and models; they keep their meaning in v1, so they are copied rather than modelled.
 */
record WrittenSpec(@JsonValue JsonNode tree) implements IstioSpec {}
