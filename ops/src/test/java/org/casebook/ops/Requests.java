package org.casebook.ops;

/** Request bodies as a counselor's client sends them. */
final class Requests {

    private Requests() {
    }

    /** Tax ids are unique per request: one enterprise has one open engagement at a time. */
    private static final java.util.concurrent.atomic.AtomicLong TAX_IDS = new java.util.concurrent.atomic.AtomicLong(
            8011999100000L);

    static String intake(String centerId, String counselorId, String intakeDate) {
        return intake(centerId, counselorId, intakeDate, "0" + TAX_IDS.incrementAndGet());
    }

    static String intake(String centerId, String counselorId, String intakeDate, String taxId) {
        return """
                {
                  "centerId": "%s",
                  "counselorId": "%s",
                  "intakeDate": "%s",
                  "enterprise": {"name": "Panadería La Esperanza", "taxId": "%s", "country": "HN",
                                 "sector": "1071", "stage": "IN_BUSINESS", "legalForm": "SOLE_PROPRIETOR"},
                  "owner": {"name": "María Fernández", "gender": "FEMALE", "birthYear": 1985},
                  "contact": {"email": "maria@example.org", "phone": "+504 9999-0000"},
                  "referralSource": "RADIO",
                  "consents": {"shareWithFunders": true, "surveys": false},
                  "baseline": {"fullTimeEmployees": 2, "partTimeEmployees": 1,
                               "annualSales": {"amount": "350000.00", "currency": "HNL"}},
                  "programmes": ["DINAMICA"],
                  "needs": ["FINANCE", "MARKETING"]
                }
                """.formatted(centerId, counselorId, intakeDate, taxId);
    }

    static String intake() {
        return intake("HN-TGU-01", "ana.lopez", "2026-03-02");
    }

    static String session(String date, int contactMinutes) {
        return """
                {"date": "%s", "counselorId": "ana.lopez", "type": "IN_PERSON", "area": "FINANCE",
                 "contactMinutes": %d, "prepMinutes": 30, "travelMinutes": 15, "programme": "DINAMICA",
                 "notes": "Cash-flow plan for the bank."}
                """.formatted(date, contactMinutes);
    }

    static String financing(String amount, String currency, String date) {
        return """
                {"instrument": "LOAN", "source": "Banco Atlántida",
                 "amount": {"amount": "%s", "currency": "%s"}, "dateObtained": "%s"}
                """.formatted(amount, currency, date);
    }
}
