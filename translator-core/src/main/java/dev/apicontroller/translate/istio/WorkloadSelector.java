package dev.apicontroller.translate.istio;

import java.util.Map;

/** {@code selector: {matchLabels}}: the target Service's {@code spec.selector}, in its order. */
public record WorkloadSelector(Map<String, String> matchLabels) {}
