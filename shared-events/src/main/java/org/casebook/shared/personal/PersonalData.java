package org.casebook.shared.personal;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a text component of an event (or of a value inside one) as personal data: an owner's name,
 * contact details, a personal identifier, free-text notes. Such a value is stored encrypted with the
 * client's key, so that erasing the key erases it everywhere; counts, hours and amounts are never
 * personal data. On a field of a class stored whole (an aggregate's snapshot), it seals that field.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.RECORD_COMPONENT, ElementType.FIELD})
public @interface PersonalData {

    /** What every reader gets in place of a value whose key was erased. */
    String ERASED = "[erased]";

    /** What every reader gets in place of a sealed value that no longer opens with its key: it was altered. */
    String UNREADABLE = "[unreadable]";

    /** What a reader without the right to see personal data gets in place of the value. */
    String REDACTED = "[redacted]";
}
