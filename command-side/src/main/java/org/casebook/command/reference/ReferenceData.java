package org.casebook.command.reference;

import org.casebook.shared.id.CenterId;
import org.casebook.shared.id.ProgrammeCode;

/** The reference data that rules stand on: which centers and funding programmes exist. */
public interface ReferenceData {

    boolean centerExists(CenterId center);

    boolean programmeExists(ProgrammeCode programme);
}
