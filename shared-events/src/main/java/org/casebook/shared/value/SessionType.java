package org.casebook.shared.value;

/** How a counseling session took place. */
public enum SessionType {
    IN_PERSON, CLIENT_SITE, PHONE, VIDEO
}
