package org.casebook.shared.personal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.casebook.shared.event.CounselingSessionLogged;
import org.casebook.shared.event.EngagementOpened;
import org.casebook.shared.event.ResultVerified;
import org.casebook.shared.json.CasebookJson;
import org.junit.jupiter.api.Test;

class SealingTest {

    private static final ObjectMapper JSON = CasebookJson.newMapper();

    @Test
    void thePersonalValuesOfAnEventAreFoundByTheirMarks() {
        assertThat(PersonalFields.of(EngagementOpened.class)).containsExactlyInAnyOrder(
                List.of("enterprise", "taxId"), List.of("owner", "name"), List.of("contact", "email"),
                List.of("contact", "phone"));
        assertThat(PersonalFields.of(CounselingSessionLogged.class)).containsExactly(List.of("notes"));
        assertThat(PersonalFields.any(ResultVerified.class)).isFalse();
    }

    @Test
    void sealedValuesOpenWithTheClientsKeyAndReadAsErasedWithoutIt() {
        InMemoryPersonalDataKeys keys = new InMemoryPersonalDataKeys();
        ObjectNode tree = JSON.createObjectNode();
        tree.put("engagementId", "e-1").put("notes", "Plan de caja para el banco").put("contactMinutes", 90);

        Sealing.seal(CounselingSessionLogged.class, tree, "e-1", keys);
        assertThat(tree.get("contactMinutes").asInt()).isEqualTo(90);
        assertThat(Sealing.isSealed(tree.get("notes"))).isTrue();
        assertThat(tree.toString()).doesNotContain("Plan de caja");
        ObjectNode copy = tree.deepCopy();

        Sealing.open(CounselingSessionLogged.class, tree, "e-1", keys);
        assertThat(tree.get("notes").asText()).isEqualTo("Plan de caja para el banco");

        keys.erase("e-1");
        Sealing.open(CounselingSessionLogged.class, copy, "e-1", keys);
        assertThat(copy.get("notes").asText()).isEqualTo(PersonalData.ERASED);
        assertThat(copy.get("contactMinutes").asInt()).isEqualTo(90);

        ObjectNode later = JSON.createObjectNode().put("engagementId", "e-1").put("notes", "Nota nueva");
        Sealing.seal(CounselingSessionLogged.class, later, "e-1", keys);
        assertThat(later.get("notes").asText()).as("nothing is sealed for an erased client").isEqualTo(PersonalData.ERASED);
    }

    @Test
    void aSealedValueCannotBeMovedToAnotherFieldOrClient() {
        InMemoryPersonalDataKeys keys = new InMemoryPersonalDataKeys();
        byte[] key = keys.keyToSeal("e-1").orElseThrow();
        String sealed = Sealing.seal(key, "e-1", "owner.name", "María Fernández");
        assertThat(Sealing.open(key, "e-1", "owner.name", sealed)).isEqualTo("María Fernández");
        assertThatThrownBy(() -> Sealing.open(key, "e-1", "contact.email", sealed)).hasMessageContaining("altered");
        assertThatThrownBy(() -> Sealing.open(key, "e-2", "owner.name", sealed)).hasMessageContaining("altered");
        assertThat(Sealing.seal(key, "e-1", "owner.name", "María Fernández")).as("a fresh nonce each time")
                .isNotEqualTo(sealed);
    }
}
