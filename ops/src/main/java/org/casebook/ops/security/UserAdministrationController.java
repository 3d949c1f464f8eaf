package org.casebook.ops.security;

import java.net.URI;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.casebook.command.reference.ReferenceData;
import org.casebook.shared.actor.Role;
import org.casebook.shared.id.CenterId;
import org.casebook.shared.id.CounselorId;
import org.casebook.shared.id.ProgrammeCode;
import org.casebook.shared.refusal.Checks;
import org.casebook.shared.refusal.Refusal;
import org.casebook.shared.refusal.RefusalKind;
import org.springframework.http.ResponseEntity;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Administrators manage Casebook's own user accounts (with the embedded sign-in). */
@RestController
@RequestMapping(path = "/api/admin/users", produces = "application/json")
public class UserAdministrationController {

    static final int MIN_PASSWORD_LENGTH = 10;

    private final UserAccounts accounts;
    private final PasswordEncoder passwords;
    private final ReferenceData reference;
    private final SecurityProperties security;
    private final RememberedSignIns signIns;

    public UserAdministrationController(UserAccounts accounts, PasswordEncoder passwords, ReferenceData reference,
                                       SecurityProperties security, RememberedSignIns signIns) {
        this.signIns = signIns;
        this.accounts = accounts;
        this.passwords = passwords;
        this.reference = reference;
        this.security = security;
    }

    /** A user as an administrator writes it. On a change, a missing password keeps the current one. */
    public record UserRequest(String username, String password, List<Role> roles, List<CenterId> centers,
                              List<ProgrammeCode> programmes, Boolean enabled) {
    }

    /** A user as an administrator reads it: never the password. */
    public record UserView(String username, boolean enabled, Set<Role> roles, Set<CenterId> centers,
                           Set<ProgrammeCode> programmes) {

        static UserView of(UserAccount account) {
            return new UserView(account.username(), account.enabled(), account.roles(), account.centers(),
                    account.programmes());
        }
    }

    @PostMapping(consumes = "application/json")
    public ResponseEntity<UserView> create(@RequestBody UserRequest request) {
        requireEmbedded();
        String username = new CounselorId(Checks.required(request.username(), "username")).value();
        UserAccount account = account(username, password(Checks.required(request.password(), "password")), request);
        if (!accounts.create(account)) {
            throw Refusal.conflict("user-exists", username);
        }
        return ResponseEntity.created(URI.create("/api/admin/users/" + username)).body(UserView.of(account));
    }

    @PutMapping(path = "/{username}", consumes = "application/json")
    public UserView change(@PathVariable String username, @RequestBody UserRequest request) {
        requireEmbedded();
        UserAccount current = existing(username);
        String hash = request.password() == null ? current.passwordHash() : password(request.password());
        UserAccount changed = account(username, hash, request);
        accounts.update(changed);
        signIns.forget(username);
        return UserView.of(changed);
    }

    @PostMapping("/{username}/disable")
    public UserView disable(@PathVariable String username) {
        return setEnabled(username, false);
    }

    @PostMapping("/{username}/enable")
    public UserView enable(@PathVariable String username) {
        return setEnabled(username, true);
    }

    @GetMapping("/{username}")
    public UserView get(@PathVariable String username) {
        requireEmbedded();
        return UserView.of(existing(username));
    }

    private UserView setEnabled(String username, boolean enabled) {
        requireEmbedded();
        UserAccount current = existing(username);
        UserAccount changed = new UserAccount(username, current.passwordHash(), enabled, current.roles(),
                current.centers(), current.programmes());
        accounts.update(changed);
        signIns.forget(username);
        return UserView.of(changed);
    }

    private UserAccount existing(String username) {
        return accounts.find(username).orElseThrow(() -> Refusal.notFound("user-not-found", username));
    }

    private UserAccount account(String username, String passwordHash, UserRequest request) {
        List<Role> roles = Checks.required(request.roles(), "roles");
        if (roles.isEmpty()) {
            throw Refusal.required("roles");
        }
        Set<CenterId> centers = request.centers() == null ? Set.of() : Set.copyOf(request.centers());
        Set<ProgrammeCode> programmes = request.programmes() == null ? Set.of() : Set.copyOf(request.programmes());
        if ((roles.contains(Role.COUNSELOR) || roles.contains(Role.DIRECTOR)) && centers.isEmpty()) {
            throw Refusal.rule("user-needs-center", "centers");
        }
        if (roles.contains(Role.DONOR) && programmes.isEmpty()) {
            throw Refusal.rule("user-needs-programme", "programmes");
        }
        for (CenterId center : centers) {
            if (!reference.centerExists(center)) {
                throw Refusal.rule("center-unknown", "centers", center);
            }
        }
        for (ProgrammeCode programme : programmes) {
            if (!reference.programmeExists(programme)) {
                throw Refusal.rule("programme-unknown", "programmes", programme);
            }
        }
        return new UserAccount(username, passwordHash, request.enabled() == null || request.enabled(),
                EnumSet.copyOf(roles), centers, programmes);
    }

    private String password(String password) {
        if (password.length() < MIN_PASSWORD_LENGTH) {
            throw Refusal.rule("password-too-short", "password", MIN_PASSWORD_LENGTH);
        }
        return passwords.encode(password);
    }

    private void requireEmbedded() {
        if (security.mode() != SecurityProperties.Mode.EMBEDDED) {
            throw new Refusal(RefusalKind.CONFLICT, "users-managed-elsewhere", null);
        }
    }

}
