package org.casebook.ops.audit;

import java.util.ArrayList;
import java.util.List;

import org.casebook.query.audit.AuditRecords;
import org.springframework.stereotype.Component;

/** Recomputes every audit chain in the event store and counts the good and the broken ones. */
@Component
public class ChainCheck {

    private final AuditRecords records;

    public ChainCheck(AuditRecords records) {
        this.records = records;
    }

    /** A broken chain: the aggregate and where it first breaks. */
    public record Broken(String aggregateId, long firstBrokenSequence, String problem) {
    }

    public record Outcome(long good, long events, List<Broken> broken) {
    }

    public Outcome run() {
        long[] good = {0, 0};
        List<Broken> broken = new ArrayList<>();
        records.verifyAll((aggregate, verification) -> {
            good[1] += verification.events();
            if (verification.valid()) {
                good[0]++;
            } else {
                broken.add(new Broken(aggregate, verification.firstBrokenSequence(), verification.problem()));
            }
        });
        return new Outcome(good[0], good[1], broken);
    }

    /** The report an operator reads. */
    public static List<String> report(Outcome outcome) {
        List<String> lines = new ArrayList<>();
        outcome.broken().forEach(chain -> lines.add("BROKEN  " + chain.aggregateId() + " at event "
                + chain.firstBrokenSequence() + " (" + chain.problem() + ")"));
        lines.add("Audit chains: " + outcome.good() + " good, " + outcome.broken().size() + " broken, "
                + outcome.events() + " events checked.");
        return lines;
    }
}
