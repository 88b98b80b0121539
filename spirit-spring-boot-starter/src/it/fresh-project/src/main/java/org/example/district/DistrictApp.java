package org.example.district;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class DistrictApp {
  public static void main(String[] args) {
    SpringApplication.run(DistrictApp.class, args);
  }
}
