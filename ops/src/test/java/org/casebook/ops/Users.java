package org.casebook.ops;

import static org.assertj.core.api.Assertions.assertThat;

/** The test network: two centers in two countries, two programmes, and a person in every role. */
final class Users {

    static final String TGU = "HN-TGU-01";
    static final String GUA = "GT-GUA-01";
    static final String DINAMICA = "DINAMICA";
    static final String AL_INVEST = "AL-INVEST";

    /** Counselor at the Tegucigalpa center. */
    static final String ANA = "ana.lopez";
    /** Counselor at the Guatemala City center. */
    static final String LUIS = "luis.perez";
    /** Director of the Tegucigalpa center. */
    static final String ROSA = "rosa.mejia";
    /** Donor funding DINAMICA. */
    static final String KFW = "kfw.officer";
    /** Donor funding AL-INVEST. */
    static final String EU = "eu.officer";
    static final String OPS = "ops.team";
    static final String ADMIN = "admin";

    private Users() {
    }

    static String passwordOf(String user) {
        return ADMIN.equals(user) ? CasebookInstance.ADMIN_PASSWORD : "password-of-" + user;
    }

    static void seed(CasebookInstance casebook) {
        CasebookInstance.Client admin = casebook.as(ADMIN);
        ok(admin.put("/api/admin/centers/" + TGU, "{\"name\": \"CDE-MIPYME Región Centro\", \"country\": \"HN\"}"));
        ok(admin.put("/api/admin/centers/" + GUA, "{\"name\": \"Centro PROMIPYME Guatemala\", \"country\": \"GT\"}"));
        ok(admin.put("/api/admin/programmes/" + DINAMICA, "{\"name\": \"DINAMICA\", \"funder\": \"CABEI / KfW / EU\"}"));
        ok(admin.put("/api/admin/programmes/" + AL_INVEST, "{\"name\": \"AL-INVEST Verde\", \"funder\": \"EU\"}"));
        user(admin, ANA, "COUNSELOR", TGU, null);
        user(admin, LUIS, "COUNSELOR", GUA, null);
        user(admin, ROSA, "DIRECTOR", TGU, null);
        user(admin, KFW, "DONOR", null, DINAMICA);
        user(admin, EU, "DONOR", null, AL_INVEST);
        user(admin, OPS, "OPERATOR", null, null);
    }

    static void user(CasebookInstance.Client admin, String name, String role, String center, String programme) {
        user(admin, name, java.util.List.of(role), center, programme);
    }

    /** A person with several roles, as small networks have them (a counselor who also follows a programme). */
    static void user(CasebookInstance.Client admin, String name, java.util.List<String> roles, String center,
                     String programme) {
        CasebookInstance.Response created = admin.post("/api/admin/users", """
                {"username": "%s", "password": "%s", "roles": [%s], "centers": [%s], "programmes": [%s]}
                """.formatted(name, passwordOf(name), String.join(", ", roles.stream().map(role -> "\"" + role + "\"")
                        .toList()), center == null ? "" : "\"" + center + "\"",
                programme == null ? "" : "\"" + programme + "\""));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
    }

    private static void ok(CasebookInstance.Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(200);
    }
}
