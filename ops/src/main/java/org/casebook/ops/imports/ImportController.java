package org.casebook.ops.imports;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.casebook.shared.refusal.Refusal;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.MultipartHttpServletRequest;

/** {@code POST /api/admin/imports}: the files of a legacy history, as multipart parts named after them. */
@RestController
@RequestMapping(path = "/api/admin/imports", produces = "application/json")
public class ImportController {

    private final LegacyImports imports;

    public ImportController(LegacyImports imports) {
        this.imports = imports;
    }

    /**
     * With {@code dryRun=true}: reads and checks every row, and stores nothing. Committing an import is
     * not offered yet: without the flag the request is refused.
     */
    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    public LegacyImports.Report importFiles(MultipartHttpServletRequest request,
                                            @RequestParam(defaultValue = "false") boolean dryRun, Locale locale)
            throws IOException {
        if (!dryRun) {
            throw Refusal.rule("import-commit-unavailable", "dryRun");
        }
        List<LegacyImports.Part> parts = new ArrayList<>();
        for (MultipartFile file : request.getFileMap().values()) {
            parts.add(new LegacyImports.Part(file.getName(), file::getInputStream));
        }
        return imports.dryRun(parts, locale);
    }
}
