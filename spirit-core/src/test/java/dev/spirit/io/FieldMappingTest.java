package dev.spirit.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.spirit.error.InvalidInputException;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@DisplayName("Field mappings, fields and formats")
class FieldMappingTest {
  @Test
  @DisplayName("the standard mapping reads every field from its standard column")
  void standard() {
    for (Field f : Field.values()) {
      assertThat(FieldMapping.standard().column(f)).contains(f.standardColumn());
    }
    assertThat(FieldMapping.empty().columns()).isEmpty();
  }

  @Test
  @DisplayName("a column fills one field: mapping it again moves it, and names are normalised")
  void with() {
    FieldMapping m = FieldMapping.standard().with(" \uFEFF内容 ", Field.TEXT).with("内容", Field.KIND);
    assertThat(m.column(Field.KIND)).contains("内容");
    assertThat(m.column(Field.TEXT)).isEmpty();
    assertThat(m.without(Field.KIND).column(Field.KIND)).isEmpty();
    assertThat(FieldMapping.standard().with("TEXT", Field.TEXT)).isEqualTo(FieldMapping.standard());
    assertThat(FieldMapping.standard().hashCode()).isEqualTo(FieldMapping.standard().hashCode());
    assertThat(m.toString()).contains("KIND=内容");
    assertThatThrownBy(() -> FieldMapping.standard().with("  ", Field.TEXT))
        .isInstanceOf(InvalidInputException.class);
  }

  @Test
  @DisplayName("picking drops blank values and strips the others")
  void pick() {
    Map<Field, String> picked =
        FieldMapping.standard().pick(Map.of("text", "  耿直 ", "district", " ", "other", "x"));
    assertThat(picked).containsExactly(Map.entry(Field.TEXT, "耿直"));
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    "text, TEXT",
    "COLLECTION-POINT, COLLECTION_POINT",
    "collection_point, COLLECTION_POINT",
    "key, IDEMPOTENCY_KEY",
    "idempotency_key, IDEMPOTENCY_KEY",
    "Entered_By, ENTERED_BY"
  })
  @DisplayName("field names parse from their column or constant name")
  void parseField(String text, Field field) {
    assertThat(Field.parse(text)).isEqualTo(field);
  }

  @Test
  @DisplayName("an unknown field name lists the known ones")
  void unknownField() {
    assertThatThrownBy(() -> Field.parse("wat"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("unknown field 'wat'")
        .hasMessageContaining("text, participant, district");
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    "csv, CSV",
    "JSONL, JSON_LINES",
    "ndjson, JSON_LINES",
    "json, JSON_LINES",
    "xlsx, XLSX",
    "excel, XLSX"
  })
  @DisplayName("format names parse in any case")
  void parseFormat(String text, DataFormat format) {
    assertThat(DataFormat.parse(text)).isEqualTo(format);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "cards.CSV, CSV",
    "a/b/notes.jsonl, JSON_LINES",
    "x.ndjson, JSON_LINES",
    "x.json, JSON_LINES",
    "book.xlsx, XLSX"
  })
  @DisplayName("the file extension tells the format")
  void fromFileName(String name, DataFormat format) {
    assertThat(DataFormat.fromFileName(name)).contains(format);
  }

  @Test
  @DisplayName("an unknown format or extension is refused or empty")
  void unknownFormat() {
    assertThat(DataFormat.fromFileName("cards.xls")).isEmpty();
    assertThatThrownBy(() -> DataFormat.parse("xls"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("format: must be csv, jsonl or xlsx, was 'xls'");
  }
}
