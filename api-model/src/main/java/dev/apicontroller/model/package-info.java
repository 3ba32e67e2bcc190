/**
 * The {@code Api} custom resource ({@code gateway.kyma-project.io/v1alpha2}): spec, status and
 * metadata as immutable values whose JSON names are exactly the wire names.
 *
 * <p>Scalars a user must give but may forget are {@link dev.apicontroller.model.Nullable}, so a
 * parsed document always becomes a value and the validator (in translator-core) can name every
 * missing field instead of the parser stopping at the first.
 */
@Value.Style(
    visibility = Value.Style.ImplementationVisibility.PUBLIC,
    builderVisibility = Value.Style.BuilderVisibility.PUBLIC,
    jdkOnly = true)
package dev.apicontroller.model;

import org.immutables.value.Value;
