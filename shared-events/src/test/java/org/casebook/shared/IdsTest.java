package org.casebook.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.casebook.shared.id.CenterId;
import org.casebook.shared.json.CasebookJson;
import org.casebook.shared.id.EngagementId;
import org.casebook.shared.refusal.Refusal;
import org.junit.jupiter.api.Test;

class IdsTest {

    private final ObjectMapper json = CasebookJson.newMapper();

    @Test
    void travelAsPlainStrings() throws Exception {
        assertThat(json.writeValueAsString(new CenterId("HN-TGU-01"))).isEqualTo("\"HN-TGU-01\"");
        assertThat(json.readValue("\"HN-TGU-01\"", CenterId.class)).isEqualTo(new CenterId("HN-TGU-01"));
        assertThat(new EngagementId("e-1").toString()).isEqualTo("e-1");
    }

    @Test
    void refuseBlankAndUnsafeValues() {
        assertThatThrownBy(() -> new CenterId(" ")).isInstanceOfSatisfying(Refusal.class,
                refusal -> assertThat(refusal.code()).isEqualTo("field-required"));
        assertThatThrownBy(() -> new CenterId("HN TGU/01")).isInstanceOfSatisfying(Refusal.class,
                refusal -> assertThat(refusal.code()).isEqualTo("identifier-invalid"));
    }
}
