package org.casebook.ops.imports;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.casebook.shared.actor.Actor;
import org.casebook.shared.refusal.Checks;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.MultipartHttpServletRequest;

/**
 * {@code /api/admin/imports}: the files of a legacy history, as multipart parts named after them, checked
 * ({@code dryRun=true}) or imported; the batches with their progress; revoking a batch.
 */
@RestController
@RequestMapping(path = "/api/admin/imports", produces = "application/json")
public class ImportController {

    /** How long a request that imports waits for its batch before it answers {@code 202} with where to look. */
    private static final Duration LONGEST_WAIT = Duration.ofMinutes(30);

    private final LegacyImports imports;

    public ImportController(LegacyImports imports) {
        this.imports = imports;
    }

    /**
     * {@code dryRun=true}: reads and checks every row and stores nothing ({@code 200}). Otherwise the same,
     * and if nothing is wrong the import: {@code 201} with its report once it is done, or at once {@code 202}
     * with the batch's status to poll when {@code wait=false}. With problems, {@code 422} and nothing stored.
     *
     * @param system the legacy system's name, which every imported event carries; the same name again
     *               finds what an earlier import of its files stored
     */
    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    public ResponseEntity<?> importFiles(MultipartHttpServletRequest request,
                                         @RequestParam(defaultValue = "false") boolean dryRun,
                                         @RequestParam(defaultValue = "legacy") String system,
                                         @RequestParam(defaultValue = "true") boolean wait,
                                         Actor actor, Locale locale) throws IOException, InterruptedException {
        String legacySystem = Checks.requiredText(system, "system");
        List<LegacyImports.Part> parts = new ArrayList<>();
        for (MultipartFile file : request.getFileMap().values()) {
            parts.add(new LegacyImports.Part(file.getName(), file::getInputStream));
        }
        if (dryRun) {
            return ResponseEntity.ok(imports.dryRun(parts, legacySystem, locale));
        }
        LegacyImports.Report started = imports.commit(parts, legacySystem, actor, locale);
        if (!started.valid()) {
            return ResponseEntity.unprocessableEntity().body(started);
        }
        URI where = URI.create("/api/admin/imports/" + started.batchId());
        if (!wait) {
            return ResponseEntity.accepted().location(where).body(imports.status(started.batchId()));
        }
        LegacyImports.Status status = imports.await(started.batchId(), LONGEST_WAIT);
        if (status.report() == null) {
            return ResponseEntity.accepted().location(where).body(status);
        }
        return ResponseEntity.status(HttpStatus.CREATED).location(where).body(status.report());
    }

    @GetMapping
    public List<LegacyImports.Status> batches() {
        return imports.statuses();
    }

    @GetMapping("/{batchId}")
    public LegacyImports.Status batch(@PathVariable String batchId) {
        return imports.status(batchId);
    }

    /** Revokes the batch: its engagements are closed as imported in error and leave every figure. */
    @DeleteMapping("/{batchId}")
    public LegacyImports.Status revoke(@PathVariable String batchId, Actor actor) {
        return imports.revoke(batchId, actor);
    }
}
