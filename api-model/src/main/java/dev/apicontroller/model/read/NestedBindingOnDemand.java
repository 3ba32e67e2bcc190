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
import dev.apicontroller.model.Api;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds the binding of each nested value of the model ({@code status}, a JWT's {@code
 * triggerRule}, ...) when a document first has one: Jackson builds the deserializers of a whole
 * type graph up front, a few milliseconds of every {@code apictl} run for parts most manifests do
 * not have (the status types alone were about a quarter of building {@code Api}'s). The binding
 * built then is the one Jackson would have built up front (found and contextualized by the same two
 * calls its bean's {@code resolve()} makes), so what is bound and every problem reported stay the
 * same.
 */
final class NestedBindingOnDemand extends BeanDeserializerModifier {
  private static final String MODEL_PACKAGE = Api.class.getPackageName();

  /** The module to register on a mapper. */
  static SimpleModule module() {
    return new SimpleModule("NestedBindingOnDemand")
        .setDeserializerModifier(new NestedBindingOnDemand());
  }

  @Override
  public BeanDeserializerBuilder updateBuilder(
      DeserializationConfig config, BeanDescription description, BeanDeserializerBuilder builder) {
    List<SettableBeanProperty> nested = new ArrayList<>();
    builder
        .getProperties()
        .forEachRemaining(
            p -> {
              if (isModelType(p.getType().getRawClass()) && !p.hasValueDeserializer()) {
                nested.add(p);
              }
            });
    for (SettableBeanProperty p : nested) {
      builder.addOrReplaceProperty(
          p.withValueDeserializer(new OnFirstUse(p.getType(), null)), true);
    }
    return builder;
  }

  /** One of the model's own value types ({@code ApiSpec}, {@code ApiStatus}, {@code Jwt}, ...). */
  private static boolean isModelType(Class<?> type) {
    return !type.isEnum() && MODEL_PACKAGE.equals(type.getPackageName());
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
