package com.csr.modelservice.serving;

import static org.assertj.core.api.Assertions.assertThat;

import com.csr.contracts.models.ModelKindName;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class ModelKindTest {

    @Test
    void everyKindIsKnownByTheSameNameAndCodeToModulesWithoutModels() {
        assertThat(Arrays.stream(ModelKind.values()).map(ModelKind::kindName))
                .containsExactly(ModelKindName.values());
        assertThat(Arrays.stream(ModelKind.values()).map(ModelKind::code)).containsExactly("segment", "churn", "ltv");
        assertThat(ModelKind.of("churn")).isEqualTo(ModelKind.CHURN);
        assertThat(ModelKindName.of("ltv")).contains(ModelKindName.LTV);
        assertThat(ModelKindName.of("LTV")).isEmpty();
    }
}
