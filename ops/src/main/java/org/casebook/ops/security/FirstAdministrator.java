package org.casebook.ops.security;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.EnumSet;
import java.util.Set;

import org.casebook.shared.actor.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * On the first start with Casebook's own users, when there is no user at all, creates the
 * administrator {@code admin}: with the password in {@code CASEBOOK_ADMIN_PASSWORD}, or else a random
 * one, printed this once. Runs before anything else that may create users (such as the demo data).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class FirstAdministrator implements ApplicationRunner {

    private static final Logger LOG = LoggerFactory.getLogger(FirstAdministrator.class);
    static final String USERNAME = "admin";

    private final UserAccounts accounts;
    private final PasswordEncoder passwords;
    private final SecurityProperties security;
    private final String configuredPassword;

    FirstAdministrator(UserAccounts accounts, PasswordEncoder passwords, SecurityProperties security,
                       @Value("${CASEBOOK_ADMIN_PASSWORD:}") String configuredPassword) {
        this.accounts = accounts;
        this.passwords = passwords;
        this.security = security;
        this.configuredPassword = configuredPassword;
    }

    @Override
    public void run(ApplicationArguments arguments) {
        if (security.mode() != SecurityProperties.Mode.EMBEDDED || accounts.count() > 0) {
            return;
        }
        boolean generated = configuredPassword.isBlank();
        String password = generated ? randomPassword() : configuredPassword;
        boolean created = accounts.create(new UserAccount(USERNAME, passwords.encode(password), true,
                EnumSet.of(Role.ADMIN), Set.of(), Set.of()));
        if (created && generated) {
            LOG.warn("Created the administrator '{}' with the password {} (shown this once; set "
                    + "CASEBOOK_ADMIN_PASSWORD on first start to choose it)", USERNAME, password);
        } else if (created) {
            LOG.info("Created the administrator '{}' with the password from CASEBOOK_ADMIN_PASSWORD", USERNAME);
        }
    }

    private static String randomPassword() {
        byte[] bytes = new byte[18];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
