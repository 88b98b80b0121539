package dev.spirit.examples.boot.kiosk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import com.jayway.jsonpath.DocumentContext;
import com.jayway.jsonpath.JsonPath;
import dev.spirit.examples.boot.Fixtures;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

@SpringBootTest(
    properties = {
      Fixtures.MEMORY_STORE,
      Fixtures.NO_RATE_LIMIT,
      Fixtures.CLOUD_OF_TWO,
      Fixtures.SMALL_BODIES
    })
@AutoConfigureMockMvc
@DisplayName("The OpenAPI description of the kiosk API")
class OpenApiDocumentTest {
  @Autowired MockMvc mvc;

  @Autowired
  @Qualifier("requestMappingHandlerMapping")
  RequestMappingHandlerMapping mappings;

  private DocumentContext document;

  @BeforeEach
  void read() throws Exception {
    document =
        JsonPath.parse(
            mvc.perform(get("/api/v1/openapi.json"))
                .andReturn()
                .getResponse()
                .getContentAsString());
  }

  @Test
  @DisplayName("describes exactly the API's endpoints, with their methods")
  void endpointsMatchTheControllers() {
    Set<String> served = new TreeSet<>();
    for (RequestMappingInfo info : mappings.getHandlerMethods().keySet()) {
      for (String path : info.getPatternValues()) {
        if (path.startsWith("/api/")) {
          info.getMethodsCondition()
              .getMethods()
              .forEach(m -> served.add(m.name().toLowerCase(Locale.ROOT) + " " + path));
        }
      }
    }
    Set<String> described = new TreeSet<>();
    Map<String, Map<String, Object>> paths = document.read("$.paths");
    paths.forEach(
        (path, operations) -> operations.keySet().forEach(m -> described.add(m + " " + path)));
    assertThat(served).isNotEmpty();
    assertThat(described).isEqualTo(served);
  }

  @Test
  @DisplayName("its schemas have exactly the fields of the request and the receipt")
  void schemasMatchTheRecords() {
    assertThat(properties("KioskSubmission")).isEqualTo(components(KioskSubmission.class));
    assertThat(properties("KioskReceipt")).isEqualTo(components(KioskReceipt.class));
    assertThat(properties("FieldProblem"))
        .isEqualTo(components(dev.spirit.examples.boot.web.FieldProblem.class));
  }

  @Test
  @DisplayName("lists every status the submission endpoint answers with")
  void statuses() {
    Map<String, Object> responses =
        document.read("$.paths['/api/v1/campaigns/{slug}/submissions'].post.responses");
    assertThat(responses.keySet())
        .containsExactlyInAnyOrder(
            "200", "201", "400", "401", "404", "405", "409", "413", "415", "429");
    Object header =
        document.read("$.paths['/api/v1/campaigns/{slug}/submissions'].post.parameters[1].name");
    assertThat(header).isEqualTo(KioskController.IDEMPOTENCY_KEY);
  }

  private Set<String> properties(String schema) {
    Map<String, Object> properties =
        document.read("$.components.schemas." + schema + ".properties");
    return new HashSet<>(properties.keySet());
  }

  private static Set<String> components(Class<? extends Record> type) {
    Set<String> names = new HashSet<>();
    Arrays.stream(type.getRecordComponents()).map(RecordComponent::getName).forEach(names::add);
    return names;
  }
}
