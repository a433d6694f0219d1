package com.csr.feature.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.csr.core.events.CleanTransaction;
import com.csr.core.events.EventJson;
import com.csr.feature.CleanFixtures;
import com.csr.feature.messaging.JsonSerde;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The stored form of a customer: lossless, each transaction id once, and compact. */
class CustomerTransactionsTest {

    private static final JsonSerde<CustomerTransactions> SERDE = new JsonSerde<>(CustomerTransactions.class);

    private static List<CleanTransaction> oneCustomer() {
        return CleanFixtures.shop("t1", 1, LocalDate.parse("2011-01-01"));
    }

    @Test
    void aStoredCustomerReadsBackWithEveryLineAsItWas() {
        List<CleanTransaction> lines = oneCustomer();
        CustomerTransactions customer = new CustomerTransactions("C0");
        lines.forEach(customer::updateFrom);

        CustomerTransactions read = SERDE.deserializer().deserialize("s", SERDE.serializer().serialize("s", customer));
        assertThat(read.customerId()).isEqualTo("C0");
        assertThat(read.transactionsById()).isEqualTo(customer.transactionsById());
        assertThat(read.transactionsById().values()).containsExactlyElementsOf(
                lines.stream().map(CleanTransaction::transaction).toList());
    }

    @Test
    void aTransactionIdAlreadyKeptIsIgnored() {
        CleanTransaction line = oneCustomer().get(0);
        CustomerTransactions customer = new CustomerTransactions(line.transaction().customerId());

        assertThat(customer.updateFrom(line)).isTrue();
        assertThat(customer.updateFrom(line)).isFalse();
        assertThat(customer.transactionsById()).hasSize(1);
    }

    @Test
    void aStoredLineTakesAThirdOfTheSpaceOfTheEvent() {
        List<CleanTransaction> lines = oneCustomer();
        CustomerTransactions customer = new CustomerTransactions("C0");
        lines.forEach(customer::updateFrom);

        long eventBytes = lines.stream().mapToLong(e -> EventJson.write(e.transaction()).length).sum();
        assertThat((double) SERDE.serializer().serialize("s", customer).length).isLessThan(eventBytes / 2.5);
    }
}
