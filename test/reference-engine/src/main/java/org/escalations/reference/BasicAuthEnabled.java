package org.escalations.reference;

import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/** True when both ENGINE_REST_USER and ENGINE_REST_PASSWORD are set and non-empty, as on our own server. */
public class BasicAuthEnabled implements Condition {
  @Override
  public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
    String user = context.getEnvironment().getProperty("ENGINE_REST_USER", "");
    String password = context.getEnvironment().getProperty("ENGINE_REST_PASSWORD", "");
    return !user.isEmpty() && !password.isEmpty();
  }
}
