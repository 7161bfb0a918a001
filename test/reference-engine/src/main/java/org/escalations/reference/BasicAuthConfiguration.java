package org.escalations.reference;

import org.operaton.bpm.engine.IdentityService;
import org.operaton.bpm.engine.identity.User;
import org.operaton.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.operaton.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;

/**
 * Optional HTTP Basic auth on /engine-rest, the way the Camunda 7 docs describe it for an embedded REST API:
 * the engine's own ProcessEngineAuthenticationFilter with the HttpBasicAuthenticationProvider, checking users
 * of the engine's identity service. One user is created at start from ENGINE_REST_USER/ENGINE_REST_PASSWORD.
 */
@Configuration
@Conditional(BasicAuthEnabled.class)
public class BasicAuthConfiguration {
  @Value("${ENGINE_REST_USER}")
  private String userId;

  @Value("${ENGINE_REST_PASSWORD}")
  private String password;

  @Bean
  public FilterRegistrationBean<ProcessEngineAuthenticationFilter> engineRestBasicAuth() {
    FilterRegistrationBean<ProcessEngineAuthenticationFilter> registration =
        new FilterRegistrationBean<>(new ProcessEngineAuthenticationFilter());
    registration.setName("operaton-auth");
    registration.addInitParameter("authentication-provider", HttpBasicAuthenticationProvider.class.getName());
    registration.addUrlPatterns("/engine-rest/*");
    return registration;
  }

  @EventListener
  public void createUser(ApplicationReadyEvent event) {
    IdentityService identity = event.getApplicationContext().getBean(IdentityService.class);
    if (identity.createUserQuery().userId(userId).count() > 0) {
      User existing = identity.createUserQuery().userId(userId).singleResult();
      existing.setPassword(password);
      identity.saveUser(existing);
      return;
    }
    User user = identity.newUser(userId);
    user.setPassword(password);
    user.setFirstName("Engine");
    user.setLastName("REST");
    identity.saveUser(user);
  }
}
