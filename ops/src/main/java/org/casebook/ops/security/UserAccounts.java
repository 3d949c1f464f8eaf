package org.casebook.ops.security;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Collection;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.casebook.shared.actor.Role;
import org.casebook.shared.id.CenterId;
import org.casebook.shared.id.ProgrammeCode;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Repository;

/** Casebook's own user accounts, in PostgreSQL. */
@Repository
public class UserAccounts implements UserDetailsService {

    private final JdbcTemplate jdbc;

    public UserAccounts(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public UserAccount loadUserByUsername(String username) {
        return find(username).orElseThrow(() -> new UsernameNotFoundException(username));
    }

    public Optional<UserAccount> find(String username) {
        return jdbc.query("SELECT * FROM user_account WHERE username = ?", UserAccounts::read, username)
                .stream().findFirst();
    }

    /** Every account, by user name. */
    public java.util.List<UserAccount> all() {
        return jdbc.query("SELECT * FROM user_account ORDER BY username", UserAccounts::read);
    }

    public long count() {
        Long count = jdbc.queryForObject("SELECT COUNT(*) FROM user_account", Long.class);
        return count == null ? 0 : count;
    }

    /** Creates the account; false if the user name is taken. */
    public boolean create(UserAccount account) {
        return jdbc.update("""
                INSERT INTO user_account (username, password_hash, enabled, roles, centers, programmes)
                VALUES (?, ?, ?, ?::text[], ?::text[], ?::text[]) ON CONFLICT (username) DO NOTHING""",
                account.username(), account.passwordHash(), account.enabled(), array(account.roles(), Role::name),
                array(account.centers(), CenterId::value), array(account.programmes(), ProgrammeCode::value)) == 1;
    }

    /** Replaces the account's settings; false if there is no such user. */
    public boolean update(UserAccount account) {
        return jdbc.update("""
                UPDATE user_account SET password_hash = ?, enabled = ?, roles = ?::text[], centers = ?::text[],
                       programmes = ?::text[], updated_at = now()
                 WHERE username = ?""",
                account.passwordHash(), account.enabled(), array(account.roles(), Role::name),
                array(account.centers(), CenterId::value), array(account.programmes(), ProgrammeCode::value),
                account.username()) == 1;
    }

    private static <T> String array(Collection<T> values, Function<T, String> text) {
        // A PostgreSQL array literal; every element is an identifier or an enum name, so never quoted.
        return values.stream().map(text).sorted().collect(Collectors.joining(",", "{", "}"));
    }

    private static UserAccount read(ResultSet row, int index) throws SQLException {
        return new UserAccount(row.getString("username"), row.getString("password_hash"), row.getBoolean("enabled"),
                values(row.getArray("roles"), Role::valueOf), values(row.getArray("centers"), CenterId::new),
                values(row.getArray("programmes"), ProgrammeCode::new));
    }

    private static <T> Set<T> values(Array array, Function<String, T> parse) throws SQLException {
        return Arrays.stream((String[]) array.getArray()).map(parse).collect(Collectors.toSet());
    }
}
