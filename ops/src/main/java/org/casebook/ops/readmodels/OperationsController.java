package org.casebook.ops.readmodels;

import java.util.List;
import java.util.Map;

import org.casebook.shared.actor.Actor;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The operators' API: read models, their rebuilds, parked events and the consistency check. */
@RestController
@RequestMapping(path = "/api/ops", produces = "application/json")
public class OperationsController {

    private final ReadModelStatuses statuses;
    private final ReadModelVersionSwitch versionSwitch;
    private final DeadLetters deadLetters;
    private final ReadModelTables tables;
    private final ConsistencyCheck check;

    public OperationsController(ReadModelStatuses statuses, ReadModelVersionSwitch versionSwitch,
                                DeadLetters deadLetters, ReadModelTables tables, ConsistencyCheck check) {
        this.check = check;
        this.statuses = statuses;
        this.versionSwitch = versionSwitch;
        this.deadLetters = deadLetters;
        this.tables = tables;
    }

    /** Each read model: serving version, position, lag, and its rebuild while one runs. */
    @GetMapping("/projections")
    public List<ReadModelStatuses.Status> projections() {
        return statuses.all();
    }

    /** One read model. */
    @GetMapping("/projections/{name}")
    public ReadModelStatuses.Status projection(@PathVariable String name) {
        return statuses.of(name);
    }

    /** Builds a new version from the first event beside the serving one; it serves once caught up. */
    @PostMapping("/projections/{name}/rebuild")
    public ResponseEntity<ReadModelStatuses.Rebuild> rebuild(@PathVariable String name, Actor actor) {
        ReadModelTables.Build build = versionSwitch.startRebuild(name, actor.userId());
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(statuses.rebuild(build, tables.head()));
    }

    /** Cancels the running rebuild; the serving version stays. */
    @DeleteMapping("/projections/{name}/rebuild")
    public ReadModelStatuses.Rebuild cancel(@PathVariable String name, Actor actor) {
        return statuses.rebuild(versionSwitch.cancelRebuild(name, actor.userId()), tables.head());
    }

    /** Events a read model could not fold, parked with their engagement's later events. */
    @GetMapping("/dead-letters")
    public List<DeadLetters.Parked> deadLetters() {
        return deadLetters.list();
    }

    /** Folds the parked engagement's events again, in order. */
    @PostMapping("/dead-letters/{id}/retry")
    public Map<String, Object> retry(@PathVariable String id) {
        long left = deadLetters.retry(id);
        return Map.of("id", id, "folded", left == 0, "stillParked", left);
    }

    /** Gives up on a parked event. */
    @DeleteMapping("/dead-letters/{id}")
    public ResponseEntity<Void> evict(@PathVariable String id) {
        deadLetters.evict(id);
        return ResponseEntity.noContent().build();
    }

    /** Folds every event again into scratch read models and reports every document that differs from the serving ones. */
    @PostMapping("/consistency-checks")
    public ConsistencyCheck.Report consistencyCheck(Actor actor) throws InterruptedException {
        return check.run(actor.userId(), java.time.Duration.ofHours(2), ConsistencyCheck.Progress.NONE);
    }
}
