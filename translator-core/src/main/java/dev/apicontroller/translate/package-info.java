/**
 * The pure core: validate an {@code Api}, resolve its conflicts against what the cluster (or a set
 * of files) holds, and produce the Istio objects and the status. No I/O, no clock, no logging, no
 * threads: the operator and the CLI call {@link dev.apicontroller.translate.decide.ApiTranslator}
 * with the same {@link dev.apicontroller.translate.Config} and get byte-identical objects.
 */
@Value.Style(
    visibility = Value.Style.ImplementationVisibility.PUBLIC,
    builderVisibility = Value.Style.BuilderVisibility.PUBLIC,
    jdkOnly = true)
package dev.apicontroller.translate;

import org.immutables.value.Value;
