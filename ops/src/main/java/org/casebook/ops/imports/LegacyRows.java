package org.casebook.ops.imports;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;

/**
 * The rows of one file of a legacy history (RFC 4180 CSV, UTF-8, a header row), each with the line it
 * starts on and its cells by column name. Headers may name the columns in English or in Spanish and
 * come in any order; a column the format does not have is reported and left out, a required column
 * missing is reported and the file is not read.
 */
public final class LegacyRows {

    /** One row: where it is, and its non-empty cells by column. */
    public record Row(ImportFile file, int line, Map<String, String> cells) {

        public String get(String column) {
            return cells.get(column);
        }
    }

    public record Read(List<Row> rows, List<ImportProblem> problems, List<ImportProblem> notes) {
    }

    private static final CsvMapper CSV = new CsvMapper();

    private LegacyRows() {
    }

    public static Read read(ImportFile file, InputStream content) throws IOException {
        List<Row> rows = new ArrayList<>();
        List<ImportProblem> problems = new ArrayList<>();
        List<ImportProblem> notes = new ArrayList<>();
        Reader text = new InputStreamReader(content, StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT));
        try (MappingIterator<String[]> lines = CSV.readerFor(String[].class).with(CsvParser.Feature.WRAP_AS_ARRAY)
                .readValues(text)) {
            if (!lines.hasNextValue()) {
                problems.add(new ImportProblem(file.fileName(), null, null, "import-file-empty", null));
                return new Read(rows, problems, notes);
            }
            String[] header = lines.nextValue();
            Map<Integer, String> columns = new HashMap<>();
            for (int at = 0; at < header.length; at++) {
                String name = header[at].replace("\uFEFF", "");
                if (name.isBlank()) {
                    continue;
                }
                var column = file.column(name);
                if (column.isPresent()) {
                    if (columns.containsValue(column.get())) {
                        problems.add(new ImportProblem(file.fileName(), 1, column.get(), "import-column-twice", null));
                    }
                    columns.put(at, column.get());
                } else {
                    notes.add(new ImportProblem(file.fileName(), 1, name.strip(), "import-column-unknown", null));
                }
            }
            for (String required : file.required()) {
                if (!columns.containsValue(required)) {
                    problems.add(new ImportProblem(file.fileName(), 1, required, "import-column-missing", null));
                }
            }
            if (!problems.isEmpty()) {
                return new Read(rows, problems, notes);
            }
            while (lines.hasNextValue()) {
                int line = lines.getParser().currentLocation().getLineNr();
                String[] values = lines.nextValue();
                Map<String, String> cells = new LinkedHashMap<>();
                for (int at = 0; at < values.length; at++) {
                    String column = columns.get(at);
                    if (column != null && values[at] != null && !values[at].isBlank()) {
                        cells.put(column, values[at].strip());
                    }
                }
                if (!cells.isEmpty()) {
                    rows.add(new Row(file, line, cells));
                }
            }
        } catch (JsonProcessingException | java.nio.charset.CharacterCodingException e) {
            int line = e instanceof JsonProcessingException json && json.getLocation() != null
                    ? json.getLocation().getLineNr() : -1;
            problems.add(new ImportProblem(file.fileName(), line < 0 ? null : line, null, "import-file-unreadable", null));
        }
        return new Read(rows, problems, notes);
    }
}
