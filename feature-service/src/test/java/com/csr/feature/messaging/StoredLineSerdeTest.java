package com.csr.feature.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import com.csr.contracts.events.CleanTransaction;
import com.csr.domain.json.EventJson;
import com.csr.feature.CleanFixtures;
import com.csr.feature.service.StoredLine;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A stored line reads back exactly as it was written, in under half the bytes of the event it came from. */
class StoredLineSerdeTest {

    private static final StoredLineSerde SERDE = new StoredLineSerde();

    private static List<CleanTransaction> oneCustomer() {
        return CleanFixtures.shop("t1", 1, LocalDate.parse("2011-01-01"));
    }

    private static StoredLine roundTrip(StoredLine line) {
        return SERDE.deserializer().deserialize("s", SERDE.serializer().serialize("s", line));
    }

    @Test
    void aStoredLineReadsBackAsItWas() {
        for (CleanTransaction event : oneCustomer()) {
            StoredLine read = roundTrip(StoredLine.of(event));
            assertThat(read.transactionId()).isEqualTo(event.transactionId());
            assertThat(read.transaction("C0")).isEqualTo(event.transaction());
        }
        StoredLine unusual = new StoredLine("C5:01#12", 7, "C5:01", "", "Crème brûlée dish ✓", -2, 0.1 + 0.2, -0.6,
                -86_400L, "Österreich", true);
        assertThat(roundTrip(unusual)).isEqualTo(unusual);
    }

    @Test
    void aStoredLineTakesUnderHalfTheSpaceOfTheEvent() {
        for (CleanTransaction event : oneCustomer()) {
            assertThat((double) SERDE.serializer().serialize("s", StoredLine.of(event)).length)
                    .isLessThan(EventJson.write(event).length / 2.0);
        }
    }
}
