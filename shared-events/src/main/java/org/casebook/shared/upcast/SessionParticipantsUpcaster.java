package org.casebook.shared.upcast;

import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;
import org.casebook.shared.event.CounselingSessionCorrected;
import org.casebook.shared.event.CounselingSessionLogged;

/**
 * Revision 1 of a logged or corrected counseling session knew only sessions with one person of the
 * client enterprise; revision 2 counts the participants. Stored revision-1 events read as revision 2
 * with one participant. The stored events themselves are never rewritten.
 */
public class SessionParticipantsUpcaster extends SingleEventUpcaster {

    private static final Set<String> TYPES = Set.of(CounselingSessionLogged.class.getName(),
            CounselingSessionCorrected.class.getName());

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation event) {
        return TYPES.contains(event.getType().getName()) && "1".equals(event.getType().getRevision());
    }

    @Override
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation event) {
        return event.upcastPayload(new SimpleSerializedType(event.getType().getName(), "2"), JsonNode.class,
                payload -> {
                    ((ObjectNode) payload).put("participants", 1);
                    return payload;
                });
    }
}
