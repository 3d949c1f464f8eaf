package org.casebook.query.store;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A document many engagements share (a center's month of figures, a part of its caseload) kept in
 * {@link #PARTS} documents, each engagement's share in the part its id falls in
 * ({@code HN-TGU-01|2026-03|07}). A server rewrites a whole document on every change, and a busy
 * center's shared documents would otherwise grow with every client it serves, so that folding the
 * events slowed down as the history grew. Readers read every part (by id, from the index) and merge.
 */
public final class DocumentParts {

    /** The parts a shared document is kept in. */
    public static final int PARTS = 16;

    private DocumentParts() {
    }

    /** The id of the part of the shared document {@code id} that holds the engagement's share. */
    public static String partOf(String id, String engagement) {
        return part(id, Math.floorMod(engagement.hashCode(), PARTS));
    }

    /** The ids of every part of these shared documents. */
    public static List<String> partsOf(Iterable<String> ids) {
        List<String> parts = new ArrayList<>();
        for (String id : ids) {
            for (int part = 0; part < PARTS; part++) {
                parts.add(part(id, part));
            }
        }
        return parts;
    }

    private static String part(String id, int part) {
        return id + "|" + String.format(Locale.ROOT, "%02d", part);
    }
}
