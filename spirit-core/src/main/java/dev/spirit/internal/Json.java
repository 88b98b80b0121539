package dev.spirit.internal;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.KeyDeserializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationConfig;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.deser.Deserializers;
import com.fasterxml.jackson.databind.deser.KeyDeserializers;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.Serializers;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The one Jackson configuration of Spirit's stored and exported JSON.
 *
 * <p>Spirit's single-value types (ids, district and language codes: records in {@code dev.spirit}
 * packages with exactly one {@code String} or {@code UUID} component) serialize as that plain
 * string, and are read back through their validating constructor, also as map keys. This is done by
 * shape rather than by naming the types, so that this package depends on no domain package.
 * Instants are ISO-8601 strings; absent optionals are absent fields; unknown fields are ignored.
 */
public final class Json {
  private static final ObjectMapper MAPPER = build();

  private Json() {}

  /**
   * The shared, thread-safe mapper.
   *
   * @return the mapper
   */
  public static ObjectMapper mapper() {
    return MAPPER;
  }

  private static ObjectMapper build() {
    SimpleModule values =
        new SimpleModule("spirit-single-values") {
          private static final long serialVersionUID = 1L;

          @Override
          public void setupModule(SetupContext context) {
            super.setupModule(context);
            context.addSerializers(new SingleValueSerializers());
            context.addDeserializers(new SingleValueDeserializers());
            context.addKeyDeserializers(new SingleValueKeyDeserializers());
          }
        };
    return JsonMapper.builder()
        .addModule(new Jdk8Module())
        .addModule(new JavaTimeModule())
        .addModule(values)
        .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
        // Immutable maps iterate in an order that changes from one JVM run to the next; sorted
        // keys keep the stored JSON of equal records byte-identical across runs.
        .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
        .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
        .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .serializationInclusion(JsonInclude.Include.NON_ABSENT)
        .build();
  }

  /** The single String/UUID component of a Spirit value record, or null if it is not one. */
  private static @Nullable RecordComponent singleValue(Class<?> type) {
    if (!type.isRecord() || !type.getName().startsWith("dev.spirit.")) {
      return null;
    }
    RecordComponent[] components = type.getRecordComponents();
    if (components.length != 1) {
      return null;
    }
    Class<?> valueType = components[0].getType();
    return valueType == String.class || valueType == UUID.class ? components[0] : null;
  }

  private static Object construct(Class<?> type, RecordComponent component, String text)
      throws IOException {
    try {
      Object value = component.getType() == UUID.class ? UUID.fromString(text) : text;
      Constructor<?> constructor = type.getDeclaredConstructor(component.getType());
      return constructor.newInstance(value);
    } catch (InvocationTargetException e) {
      Throwable cause = e.getCause() != null ? e.getCause() : e;
      throw new JsonMappingException(null, cause.getMessage(), cause);
    } catch (ReflectiveOperationException | IllegalArgumentException e) {
      throw new JsonMappingException(
          null, "cannot read " + type.getSimpleName() + " from '" + text + "'", e);
    }
  }

  private static final class SingleValueSerializers extends Serializers.Base {
    @Override
    public @Nullable JsonSerializer<?> findSerializer(
        SerializationConfig config, JavaType type, BeanDescription beanDesc) {
      RecordComponent component = singleValue(type.getRawClass());
      if (component == null) {
        return null;
      }
      return new JsonSerializer<Object>() {
        @Override
        public void serialize(Object value, JsonGenerator gen, SerializerProvider serializers)
            throws IOException {
          try {
            gen.writeString(String.valueOf(component.getAccessor().invoke(value)));
          } catch (ReflectiveOperationException e) {
            throw new IOException("cannot write " + value.getClass().getSimpleName(), e);
          }
        }
      };
    }
  }

  private static final class SingleValueDeserializers extends Deserializers.Base {
    @Override
    public @Nullable JsonDeserializer<?> findBeanDeserializer(
        JavaType type, DeserializationConfig config, BeanDescription beanDesc) {
      Class<?> raw = type.getRawClass();
      RecordComponent component = singleValue(raw);
      if (component == null) {
        return null;
      }
      return new JsonDeserializer<Object>() {
        @Override
        public Object deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
          String text = p.getValueAsString();
          if (text == null) {
            throw new JsonMappingException(
                p, "expected a string for " + raw.getSimpleName() + ", found " + p.currentToken());
          }
          return construct(raw, component, text);
        }
      };
    }
  }

  private static final class SingleValueKeyDeserializers implements KeyDeserializers {
    @Override
    public @Nullable KeyDeserializer findKeyDeserializer(
        JavaType type, DeserializationConfig config, BeanDescription beanDesc) {
      Class<?> raw = type.getRawClass();
      RecordComponent component = singleValue(raw);
      if (component == null) {
        return null;
      }
      return new KeyDeserializer() {
        @Override
        public Object deserializeKey(String key, DeserializationContext ctxt) throws IOException {
          return construct(raw, component, key);
        }
      };
    }
  }
}
