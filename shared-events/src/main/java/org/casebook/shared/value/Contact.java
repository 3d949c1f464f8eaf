package org.casebook.shared.value;

/** How to reach the client. Personal data. */
public record Contact(String email, String phone) {
}
