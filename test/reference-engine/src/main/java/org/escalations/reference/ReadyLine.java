package org.escalations.reference;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Prints the port the OS gave (server.port=0) once Spring is ready, so the launcher never races for a port.
 * The launcher then polls /engine-rest/version before it announces ENGINE_URL.
 */
@Component
public class ReadyLine {
  @EventListener
  public void onReady(ApplicationReadyEvent event) {
    if (event.getApplicationContext() instanceof WebServerApplicationContext web) {
      System.out.println("REFERENCE_ENGINE_PORT=" + web.getWebServer().getPort());
      System.out.flush();
    }
  }
}
