package org.fondicasa.events;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A component that its schema does not list as required: null when the producer has nothing to say. Every other
 * component is required; the contract test holds the records and the schemas to the same list.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.RECORD_COMPONENT)
public @interface NotRequired {
}
