package com.csr.contracts.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.csr.domain.json.EventJson;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RawRowTest {

    @Test
    void aBlockUnpacksIntoItsRowsNumberedOnFromItsFirst() {
        RawRow block = RawRow.block("t1", "f1", 41, List.of("Invoice", "Customer", "Price"), List.of(
                List.of("1", "c1", "2.5"),
                List.of("2", "c2"),
                List.of("3", "c3", "1", "extra"),
                Arrays.asList("4", null, "")));
        RawRow read = EventJson.read(EventJson.write(block), RawRow.class);
        assertThat(read).isEqualTo(block);

        List<RawRow> rows = read.unpacked();
        assertThat(rows).extracting(RawRow::row).containsExactly(41L, 42L, 43L, 44L);
        assertThat(rows).allSatisfy(row -> {
            assertThat(row.tenantId()).isEqualTo("t1");
            assertThat(row.fileId()).isEqualTo("f1");
            assertThat(row.isBlock()).isFalse();
        });
        assertThat(rows.get(0).values()).containsExactly(Map.entry("Invoice", "1"), Map.entry("Customer", "c1"),
                Map.entry("Price", "2.5"));
        // cut short stays short; past the last column, cells are named by position, as in a file without a header
        assertThat(rows.get(1).values()).containsOnlyKeys("Invoice", "Customer");
        assertThat(rows.get(2).values()).containsEntry("4", "extra").hasSize(4);
        Map<String, String> withNull = new LinkedHashMap<>();
        withNull.put("Invoice", "4");
        withNull.put("Customer", null);
        withNull.put("Price", "");
        assertThat(rows.get(3).values()).isEqualTo(withNull);
    }

    @Test
    void anythingElseUnpacksIntoItself() {
        RawRow row = RawRow.row("t1", "f1", 3, Map.of("a", "b"));
        assertThat(row.unpacked()).containsExactly(row);
        assertThat(RawRow.end("t1", "f1", 3, null, null).unpacked()).hasSize(1);
    }

    @Test
    void aRowsApproximateSizeIsNeverBelowItsRecord() {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("Invoice", "489434");
        values.put("Description", "x".repeat(10_000));
        values.put("Customer", null);
        RawRow row = RawRow.row("demo", "a".repeat(64), 7, values);
        assertThat(row.approximateBytes()).isGreaterThanOrEqualTo(EventJson.write(row).length)
                .isLessThan(EventJson.write(row).length + 100);
    }
}
