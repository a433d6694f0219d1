package com.csr.domain;

import com.csr.domain.cleaning.CleanTransactions;
import com.csr.domain.cleaning.RejectedRowListener;
import com.csr.domain.cleaning.TransactionCleaner;
import com.csr.domain.features.CustomerHistory;
import com.csr.domain.labels.Horizon;
import com.csr.domain.labels.TrainingSet;
import com.csr.domain.transactions.ColumnMapping;
import com.csr.domain.transactions.RowSource;
import com.csr.domain.transactions.TransactionFiles;
import java.util.Map;

/** The Online Retail II sample, cleaned once per test JVM, with its training sets at the pipeline's cutoffs. */
public final class SampleData {

    public static final Horizon HORIZON = new Horizon(90);
    private static SampleData instance;

    public final CleanTransactions clean;
    public final Map<String, CustomerHistory> histories;
    /** Customers at T - 2H with labels up to T - H. */
    public final TrainingSet earlier;
    /** Customers at T - H with labels up to T. */
    public final TrainingSet later;

    private SampleData() {
        try (RowSource rows = TransactionFiles.open(TestFiles.onlineRetailSample(), ColumnMapping.none())) {
            clean = new TransactionCleaner(null, RejectedRowListener.NONE).clean(rows);
        }
        histories = CustomerHistory.byCustomer(clean.transactions());
        long later = clean.cutoffEpochSecond() - HORIZON.seconds();
        this.later = TrainingSet.build(histories.values(), later, HORIZON);
        this.earlier = TrainingSet.build(histories.values(), later - HORIZON.seconds(), HORIZON);
    }

    public static synchronized SampleData get() {
        if (instance == null) {
            instance = new SampleData();
        }
        return instance;
    }
}
