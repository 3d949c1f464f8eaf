package org.casebook.ops.pages;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.casebook.ops.imports.LegacyImports;
import org.casebook.shared.actor.Actor;
import org.casebook.shared.refusal.Checks;
import org.casebook.shared.refusal.Refusal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * The administrators' imports page ({@code /admin/imports}): the files of a legacy history checked, then
 * imported; the batches with their progress and reconciliation; revoking a batch. The same
 * {@link LegacyImports} serves the API.
 */
@Controller
class ImportPages {

    private final LegacyImports imports;

    ImportPages(LegacyImports imports) {
        this.imports = imports;
    }

    @GetMapping("/admin/imports")
    String imports(Model model) {
        return page(model, null, "legacy");
    }

    /** Checks the files ({@code action=check}) or imports them, then shows the batch as it goes. */
    @PostMapping("/admin/imports")
    String send(@RequestParam(required = false) List<MultipartFile> files, @RequestParam(defaultValue = "") String system,
                @RequestParam(defaultValue = "check") String action, Actor actor, Model model, Locale locale)
            throws IOException {
        String legacySystem;
        try {
            legacySystem = Checks.requiredText(system, "system");
        } catch (Refusal refusal) {
            model.addAttribute("systemProblem", refusal.message(locale));
            return page(model, null, system);
        }
        List<LegacyImports.Part> parts = new ArrayList<>();
        for (MultipartFile file : files == null ? List.<MultipartFile>of() : files) {
            if (!file.isEmpty()) {
                String name = file.getOriginalFilename() == null ? file.getName() : file.getOriginalFilename();
                parts.add(new LegacyImports.Part(name.substring(name.lastIndexOf('/') + 1), file::getInputStream));
            }
        }
        if ("import".equals(action)) {
            LegacyImports.Report started = imports.commit(parts, legacySystem, actor, locale);
            if (started.valid()) {
                return "redirect:/admin/imports/" + started.batchId();
            }
            model.addAttribute("refused", true);
            return page(model, started, legacySystem);
        }
        return page(model, imports.dryRun(parts, legacySystem, locale), legacySystem);
    }

    private String page(Model model, LegacyImports.Report report, String system) {
        model.addAttribute("report", report);
        model.addAttribute("system", system);
        model.addAttribute("batches", imports.statuses());
        return "imports";
    }

    @GetMapping("/admin/imports/{batchId}")
    String batch(@PathVariable String batchId, Model model) {
        model.addAttribute("batch", imports.status(batchId));
        return "import";
    }

    /** The batch's progress alone, asked for again every two seconds while it runs. */
    @GetMapping("/admin/imports/{batchId}/progress")
    String progress(@PathVariable String batchId, Model model) {
        model.addAttribute("batch", imports.status(batchId));
        return "import :: progress";
    }

    @PostMapping("/admin/imports/{batchId}/revoke")
    String revoke(@PathVariable String batchId, Actor actor) {
        imports.revoke(batchId, actor);
        return "redirect:/admin/imports/" + batchId;
    }
}
