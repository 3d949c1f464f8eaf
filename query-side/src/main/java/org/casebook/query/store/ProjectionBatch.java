package org.casebook.query.store;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;

/**
 * Folds events into read-model records and writes each batch of events as one bulk write. Within an
 * event processor's batch (one unit of work) a record is read from MongoDB at most once, folded in
 * memory through every event of the batch, and written once when the batch commits, before the
 * processor stores its token: a crash in between replays the batch, which the folds ignore.
 * Outside a unit of work (plain tests, tools) every change is written at once.
 * <p>
 * Documents derived from these records ({@link DerivedWrites}) are written before the
 * records themselves. The folds skip events a record has seen, so if the records were written first
 * and a derived write then failed, the processor's retry of the batch would skip those events and the
 * derived documents would stay without them for good.
 */
public final class ProjectionBatch<T> {

    private final DocumentCollection<T> collection;
    private final String resourceKey;
    private final List<DerivedWrites> derived;

    /** @param derived the writes of documents derived from these records, written before them */
    public ProjectionBatch(DocumentCollection<T> collection, String name, DerivedWrites... derived) {
        this.collection = collection;
        this.resourceKey = ProjectionBatch.class.getName() + "/" + name;
        this.derived = List.of(derived);
    }

    /**
     * Applies {@code fold} to the current record with this id ({@code null} when there is none yet).
     * Returning the same instance means nothing changed.
     */
    public void update(String id, UnaryOperator<T> fold) {
        if (!CurrentUnitOfWork.isStarted()) {
            T before = collection.find(id).orElse(null);
            T after = fold.apply(before);
            if (after != null && after != before) {
                collection.writeAll(List.of(after));
            }
            return;
        }
        Pending<T> pending = pending(CurrentUnitOfWork.get().root());
        T before = pending.current.containsKey(id) ? pending.current.get(id) : collection.find(id).orElse(null);
        T after = fold.apply(before);
        pending.current.put(id, after);
        if (after != null && after != before) {
            pending.changed.put(id, after);
        }
    }

    private Pending<T> pending(UnitOfWork<?> root) {
        Pending<T> existing = root.getResource(resourceKey);
        if (existing != null) {
            return existing;
        }
        // Commit handlers run in the order they were added: the derived documents' go first.
        derived.forEach(writes -> writes.enlist(root));
        return root.getOrComputeResource(resourceKey, key -> {
            Pending<T> created = new Pending<>();
            root.onPrepareCommit(unit -> collection.writeAll(created.changed.values()));
            return created;
        });
    }

    private static final class Pending<T> {
        private final Map<String, T> current = new HashMap<>();
        private final Map<String, T> changed = new LinkedHashMap<>();
    }
}
