package org.escalations.reference;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** A stock Operaton engine with its REST API at /engine-rest; configuration lives in application.yaml. */
@SpringBootApplication
public class ReferenceEngineApplication {
  public static void main(String[] args) {
    SpringApplication.run(ReferenceEngineApplication.class, args);
  }
}
