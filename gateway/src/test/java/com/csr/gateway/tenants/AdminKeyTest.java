package com.csr.gateway.tenants;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class AdminKeyTest {

    @Test
    void aMissingOrGuessableAdminKeyKeepsTheAdminApiOffSayingWhy() {
        assertThat(AdminKey.of(Optional.empty()).digest()).isEmpty();
        assertThat(AdminKey.of(Optional.of("  ")).offReason()).contains("start the gateway with CSR_ADMIN_KEY set");
        AdminKey guessable = AdminKey.of(Optional.of("local-admin-key"));
        assertThat(guessable.digest()).isEmpty();
        assertThat(guessable.offReason()).contains("shorter than 24 characters");
    }

    @Test
    void aLongEnoughAdminKeyIsKeptAsItsDigestOnly() {
        String key = "admin_" + "x".repeat(18);
        AdminKey admin = AdminKey.of(Optional.of(key));
        assertThat(admin.digest()).hasValueSatisfying(d -> assertThat(d).isEqualTo(AdminKey.digest(key)));
        assertThat(admin.offReason()).isNull();
        assertThat(new String(admin.digest().get())).doesNotContain(key);
    }
}
