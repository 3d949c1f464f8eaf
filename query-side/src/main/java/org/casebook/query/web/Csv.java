package org.casebook.query.web;

import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** Rows as a CSV spreadsheet (RFC 4180, a header line, UTF-8), written from the rows' record components. */
final class Csv {

    static final String MEDIA_TYPE = "text/csv";

    private static final CsvMapper CSV = CsvMapper.builder().addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).build();

    private Csv() {
    }

    static <T> ResponseEntity<String> of(List<T> rows, Class<T> type, String fileName) {
        try {
            String text = CSV.writer(CSV.schemaFor(type).withHeader()).writeValueAsString(rows);
            return ResponseEntity.ok()
                    .contentType(new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8))
                    .header("Content-Disposition", "attachment; filename=\"" + fileName + "\"")
                    .body(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + fileName, e);
        }
    }
}
