package org.casebook.ops.imports;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The three files of a legacy history, as {@code IMPORT.md} fixes them: their names, their columns
 * (with the Spanish names a center may use instead) and the columns no row can do without.
 */
public enum ImportFile {

    ENGAGEMENTS("engagements.csv", Set.of("legacyId", "centerId", "counselorId", "intakeDate", "enterpriseName",
            "country", "stage", "ownerName", "ownerGender"),
            "legacyId", "centerId", "counselorId", "intakeDate", "enterpriseName", "taxId", "country", "sector", "stage",
            "legalForm", "ownerName", "ownerGender", "ownerBirthYear", "email", "phone", "referralSource",
            "shareWithFunders", "surveys", "fullTimeEmployees", "partTimeEmployees", "annualSales", "currency",
            "programmes", "needs", "closedDate", "closureReason"),
    SESSIONS("sessions.csv", Set.of("legacyId", "engagementLegacyId", "date", "counselorId", "type", "area",
            "contactMinutes"),
            "legacyId", "engagementLegacyId", "date", "counselorId", "type", "area", "contactMinutes", "prepMinutes",
            "travelMinutes", "programme", "notes"),
    RESULTS("results.csv", Set.of("legacyId", "engagementLegacyId", "kind", "date"),
            "legacyId", "engagementLegacyId", "kind", "date", "instrument", "source", "amount", "currency",
            "fullTimeCreated", "partTimeCreated", "retained", "periodStart", "baselineSales", "newSales",
            "registrationNumber", "registrationKind", "evidenceState", "evidenceRef", "evidenceSha256", "verifiedBy",
            "verifiedDate");

    /** The Spanish names of the columns, as a center may write them in its header instead. */
    private static final Map<String, String> SPANISH = Map.ofEntries(
            Map.entry("idLegado", "legacyId"), Map.entry("centro", "centerId"), Map.entry("asesor", "counselorId"),
            Map.entry("fechaIngreso", "intakeDate"), Map.entry("empresa", "enterpriseName"),
            Map.entry("identificacionFiscal", "taxId"), Map.entry("pais", "country"), Map.entry("sector", "sector"),
            Map.entry("etapa", "stage"), Map.entry("formaJuridica", "legalForm"),
            Map.entry("propietario", "ownerName"), Map.entry("generoPropietario", "ownerGender"),
            Map.entry("anioNacimientoPropietario", "ownerBirthYear"), Map.entry("correo", "email"),
            Map.entry("telefono", "phone"), Map.entry("fuenteReferencia", "referralSource"),
            Map.entry("compartirConFinanciadores", "shareWithFunders"), Map.entry("encuestas", "surveys"),
            Map.entry("empleadosTiempoCompleto", "fullTimeEmployees"),
            Map.entry("empleadosMedioTiempo", "partTimeEmployees"), Map.entry("ventasAnuales", "annualSales"),
            Map.entry("moneda", "currency"), Map.entry("programas", "programmes"), Map.entry("necesidades", "needs"),
            Map.entry("fechaCierre", "closedDate"), Map.entry("motivoCierre", "closureReason"),
            Map.entry("idLegadoAtencion", "engagementLegacyId"), Map.entry("fecha", "date"), Map.entry("tipo", "type"),
            Map.entry("area", "area"), Map.entry("minutosContacto", "contactMinutes"),
            Map.entry("minutosPreparacion", "prepMinutes"), Map.entry("minutosViaje", "travelMinutes"),
            Map.entry("programa", "programme"), Map.entry("notas", "notes"), Map.entry("clase", "kind"),
            Map.entry("instrumento", "instrument"), Map.entry("fuente", "source"), Map.entry("monto", "amount"),
            Map.entry("empleosCreadosTiempoCompleto", "fullTimeCreated"),
            Map.entry("empleosCreadosMedioTiempo", "partTimeCreated"), Map.entry("empleosRetenidos", "retained"),
            Map.entry("inicioPeriodo", "periodStart"), Map.entry("ventasBase", "baselineSales"),
            Map.entry("ventasNuevas", "newSales"), Map.entry("numeroRegistro", "registrationNumber"),
            Map.entry("tipoRegistro", "registrationKind"), Map.entry("estadoEvidencia", "evidenceState"),
            Map.entry("referenciaEvidencia", "evidenceRef"), Map.entry("sha256Evidencia", "evidenceSha256"),
            Map.entry("verificadoPor", "verifiedBy"), Map.entry("fechaVerificacion", "verifiedDate"));

    private final String fileName;
    private final Set<String> required;
    private final List<String> columns;

    ImportFile(String fileName, Set<String> required, String... columns) {
        this.fileName = fileName;
        this.required = required;
        this.columns = List.of(columns);
    }

    public String fileName() {
        return fileName;
    }

    public List<String> columns() {
        return columns;
    }

    public Set<String> required() {
        return required;
    }

    /** The column a header names, in English or in Spanish; empty for a column the format does not have. */
    public Optional<String> column(String header) {
        String name = header.strip();
        if (columns.contains(name)) {
            return Optional.of(name);
        }
        String english = SPANISH.get(name);
        return english != null && columns.contains(english) ? Optional.of(english) : Optional.empty();
    }

    public static Optional<ImportFile> named(String fileName) {
        for (ImportFile file : values()) {
            if (file.fileName.equalsIgnoreCase(fileName.strip())) {
                return Optional.of(file);
            }
        }
        return Optional.empty();
    }
}
