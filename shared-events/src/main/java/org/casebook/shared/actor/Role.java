package org.casebook.shared.actor;

/** What a person may do in Casebook. A person may hold several roles. */
public enum Role {
    /** Takes in clients, logs sessions, records results, for the centers they work for. */
    COUNSELOR,
    /** Does what counselors do in their centers, verifies results and closes reporting periods. */
    DIRECTOR,
    /** Reads the engagements of the programmes they fund, their histories and figures; never writes. */
    DONOR,
    /** Runs the service: replays, metrics, processor status; sees no case data. */
    OPERATOR,
    /** Manages users and reference data; sees no case data. */
    ADMIN
}
