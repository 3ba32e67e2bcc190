package dev.apicontroller.model.read;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.BeanProperty;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.deser.BeanDeserializerBuilder;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.deser.ContextualDeserializer;
import com.fasterxml.jackson.databind.deser.SettableBeanProperty;
import com.fasterxml.jackson.databind.module.SimpleModule;
import dev.apicontroller.model.ApiStatus;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds the binding of an {@code Api}'s {@code status} when a document first has one, not with the
 * rest of the {@code Api}'s: Jackson builds the deserializers of a whole type graph up front, and
 * the status types were about a quarter of that, a few milliseconds of every {@code apictl} run,
 * though manifests rarely carry a status. The binding built then is the one Jackson would have
 * built up front (found and contextualized by the same two calls), so what is bound and every
 * problem reported stay the same.
 */
final class StatusBoundOnDemand extends BeanDeserializerModifier {
  /** The module to register on a mapper. */
  static SimpleModule module() {
    return new SimpleModule("StatusBoundOnDemand")
        .setDeserializerModifier(new StatusBoundOnDemand());
  }

  @Override
  public BeanDeserializerBuilder updateBuilder(
      DeserializationConfig config, BeanDescription description, BeanDeserializerBuilder builder) {
    List<SettableBeanProperty> status = new ArrayList<>();
    builder
        .getProperties()
        .forEachRemaining(
            p -> {
              if (p.getType().getRawClass() == ApiStatus.class && !p.hasValueDeserializer()) {
                status.add(p);
              }
            });
    for (SettableBeanProperty p : status) {
      builder.addOrReplaceProperty(
          p.withValueDeserializer(new OnFirstUse(p.getType(), null)), true);
    }
    return builder;
  }

  /** Finds the real deserializer on the first value, as the bean's {@code resolve()} would have. */
  private static final class OnFirstUse extends JsonDeserializer<Object>
      implements ContextualDeserializer {
    private final JavaType type;
    private final BeanProperty property;
    private volatile JsonDeserializer<Object> real;

    OnFirstUse(JavaType type, BeanProperty property) {
      this.type = type;
      this.property = property;
    }

    @Override
    public JsonDeserializer<?> createContextual(
        DeserializationContext ctxt, BeanProperty property) {
      return new OnFirstUse(type, property);
    }

    @Override
    @SuppressWarnings("unchecked")
    public Object deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      JsonDeserializer<Object> d = real;
      if (d == null) {
        d =
            (JsonDeserializer<Object>)
                ctxt.handlePrimaryContextualization(
                    ctxt.findNonContextualValueDeserializer(type), property, type);
        real = d;
      }
      return d.deserialize(p, ctxt);
    }

    @Override
    public Class<?> handledType() {
      return type.getRawClass();
    }
  }
}
