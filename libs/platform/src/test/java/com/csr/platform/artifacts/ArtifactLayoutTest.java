package com.csr.platform.artifacts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Keys are per tenant, and a key from an event never leaves its tenant's tree. */
class ArtifactLayoutTest {

    @Test
    void placesDatasetsAndModelsUnderTheTenant() {
        assertThat(ArtifactLayout.dataset("t1", "ds-1")).isEqualTo("tenants/t1/datasets/ds-1/");
        assertThat(ArtifactLayout.model("t1", "churn", "ds-1")).isEqualTo("tenants/t1/models/churn/ds-1/");
    }

    @Test
    void acceptsKeysOnlyInsideTheTenant() {
        String model = ArtifactLayout.model("t1", "churn", "v1");
        assertThat(ArtifactLayout.inTenant("t1", model)).isEqualTo(model);
        assertThat(ArtifactLayout.inTenant("t1", "tenants/t1/datasets/ds-1")).isEqualTo("tenants/t1/datasets/ds-1/");
        assertThatThrownBy(() -> ArtifactLayout.inTenant("t2", model))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not in tenant t2");
        assertThatThrownBy(() -> ArtifactLayout.inTenant("t1", "tenants/t1/../t2/models"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ArtifactLayout.inTenant("t1", "tenants/t10/models"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ArtifactLayout.dataset("t1", "../x")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ArtifactLayout.dataset("../t2", "x")).isInstanceOf(IllegalArgumentException.class);
    }
}
