package org.fondicasa.platform.domain;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a class (with its nested types) or a whole package as the domain core: plain Java rules and calculations,
 * no framework, no database, no messaging, no HTTP. Each service's architecture test checks what is marked.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.TYPE, ElementType.PACKAGE})
public @interface DomainCore {
}
