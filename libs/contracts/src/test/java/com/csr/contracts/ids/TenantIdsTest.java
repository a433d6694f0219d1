package com.csr.contracts.ids;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class TenantIdsTest {

    @Test
    void lettersDigitsUnderscoreAndDashStartingWithALetterOrDigit() {
        for (String valid : new String[] {"demo", "A", "9", "shop_2-eu", "x".repeat(64)}) {
            assertTrue(TenantIds.isValid(valid), valid);
        }
        for (String invalid : new String[] {null, "", "_demo", "-demo", "x".repeat(65), "de mo", "../etc", "a/b",
                "dé", "a:b", "a.b", "ａ", "demo\n"}) {
            assertFalse(TenantIds.isValid(invalid), String.valueOf(invalid));
        }
    }

    @Test
    void requireNamesTheRule() {
        assertEquals("demo", TenantIds.require("demo"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TenantIds.require("a/b"));
        assertTrue(e.getMessage().contains("1-64 letters, digits"), e.getMessage());
    }
}
