package dev.apicontroller.translate;

/**
 * The {@code spec} of a generated Istio object: an immutable value that Jackson serializes to
 * exactly the wire form (SPEC 3), fields in a fixed order.
 */
public interface IstioSpec {}
