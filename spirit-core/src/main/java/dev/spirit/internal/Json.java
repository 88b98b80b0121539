package dev.spirit.internal;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.KeyDeserializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.spirit.campaign.CampaignId;
import dev.spirit.campaign.District;
import dev.spirit.campaign.Language;
import dev.spirit.participant.ParticipantId;
import dev.spirit.submission.IdempotencyKey;
import dev.spirit.submission.SubmissionId;
import java.io.IOException;
import java.util.function.Function;

/**
 * The one Jackson configuration of Spirit's stored and exported JSON. Single-value ids serialize as
 * plain strings; instants as ISO-8601 strings; absent optionals as absent fields.
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
    SimpleModule ids = new SimpleModule("spirit-ids");
    stringValue(ids, CampaignId.class, CampaignId::toString, CampaignId::parse);
    stringValue(ids, SubmissionId.class, SubmissionId::toString, SubmissionId::parse);
    stringValue(ids, ParticipantId.class, ParticipantId::value, ParticipantId::new);
    stringValue(ids, District.class, District::code, District::new);
    stringValue(ids, Language.class, Language::code, Language::new);
    stringValue(ids, IdempotencyKey.class, IdempotencyKey::value, IdempotencyKey::new);
    ids.addKeyDeserializer(
        Language.class,
        new KeyDeserializer() {
          @Override
          public Object deserializeKey(String key, DeserializationContext ctxt) {
            return new Language(key);
          }
        });
    ids.addKeySerializer(
        Language.class,
        new JsonSerializer<Language>() {
          @Override
          public void serialize(Language value, JsonGenerator gen, SerializerProvider serializers)
              throws IOException {
            gen.writeFieldName(value.code());
          }
        });
    return JsonMapper.builder()
        .addModule(new Jdk8Module())
        .addModule(new JavaTimeModule())
        .addModule(ids)
        .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
        .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
        .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .serializationInclusion(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_ABSENT)
        .build();
  }

  private static <T> void stringValue(
      SimpleModule module, Class<T> type, Function<T, String> write, Function<String, T> read) {
    module.addSerializer(
        type,
        new JsonSerializer<T>() {
          @Override
          public void serialize(T value, JsonGenerator gen, SerializerProvider serializers)
              throws IOException {
            gen.writeString(write.apply(value));
          }
        });
    module.addDeserializer(
        type,
        new JsonDeserializer<T>() {
          @Override
          public T deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            return read.apply(p.getValueAsString());
          }
        });
  }
}
