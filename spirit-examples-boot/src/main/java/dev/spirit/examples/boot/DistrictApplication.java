package dev.spirit.examples.boot;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The district app: Spirit from the starter ({@code spirit.*} properties), the public board, the
 * moderator queue and the kiosk REST API.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class DistrictApplication {
  /** Created by Spring. */
  public DistrictApplication() {}

  /**
   * Runs the app.
   *
   * @param args Spring Boot's command line ({@code --spirit.store-uri=...})
   */
  public static void main(String[] args) {
    SpringApplication.run(DistrictApplication.class, args);
  }
}
