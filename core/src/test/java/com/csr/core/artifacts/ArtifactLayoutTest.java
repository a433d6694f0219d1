package com.csr.core.artifacts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Paths are per tenant, and a URI from an event never leaves its tenant's tree. */
class ArtifactLayoutTest {

    private final ArtifactLayout layout = new ArtifactLayout(Path.of("/srv/artifacts"));

    @Test
    void placesDatasetsAndModelsUnderTheTenant() {
        assertThat(layout.dataset("t1", "ds-1")).isEqualTo(Path.of("/srv/artifacts/tenants/t1/datasets/ds-1"));
        assertThat(layout.model("t1", "churn", "ds-1")).isEqualTo(Path.of("/srv/artifacts/tenants/t1/models/churn/ds-1"));
    }

    @Test
    void resolvesUrisOnlyInsideTheTenant() {
        Path model = layout.model("t1", "churn", "v1");
        assertThat(layout.inTenant("t1", model.toUri().toString())).isEqualTo(model);
        assertThat(layout.inTenant("t1", "tenants/t1/datasets/ds-1")).isEqualTo(layout.dataset("t1", "ds-1"));
        assertThatThrownBy(() -> layout.inTenant("t2", model.toUri().toString()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not in tenant t2");
        assertThatThrownBy(() -> layout.inTenant("t1", "tenants/t1/../t2/models"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> layout.dataset("t1", "../x")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> layout.dataset("../t2", "x")).isInstanceOf(IllegalArgumentException.class);
    }
}
