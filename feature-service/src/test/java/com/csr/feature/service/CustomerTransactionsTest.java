package com.csr.feature.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.csr.contracts.events.CleanTransaction;
import com.csr.feature.CleanFixtures;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** A customer's lines read back in file order whatever order the store holds them in. */
class CustomerTransactionsTest {

    @Test
    void linesReadBackInFileOrderWhateverTheOrderTheyAreStoredIn() {
        List<CleanTransaction> events = CleanFixtures.shop("t1", 1, LocalDate.parse("2011-01-01"));
        List<StoredLine> stored = new ArrayList<>(events.stream().map(StoredLine::of).toList());
        Collections.shuffle(stored, new Random(7));

        CustomerTransactions customer = new CustomerTransactions("C0", stored);

        assertThat(customer.lines()).containsExactlyElementsOf(events.stream().map(StoredLine::of).toList());
    }
}
