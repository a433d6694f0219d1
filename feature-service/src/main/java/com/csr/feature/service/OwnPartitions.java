package com.csr.feature.service;

import com.csr.domain.features.CustomerHistory;
import java.util.List;

/**
 * What one instance answers for the partitions whose active task it runs, naming them, so that whoever gathers a
 * tenant from every instance can check that each partition was read exactly once ({@link PartitionCoverage}). An
 * instance holding only standby or warm-up copies of a partition never answers for it.
 */
public interface OwnPartitions {

    /** The partitions read, ascending; none in an answer that names none (an instance of an earlier version). */
    List<Integer> partitions();

    /**
     * A tenant's data clock over some partitions.
     *
     * @param asOf  the date of the latest transaction in them, or null when none holds a line of the tenant
     * @param lines distinct lines of the tenant stored in them
     */
    record Clock(List<Integer> partitions, String asOf, long lines) implements OwnPartitions {

        public Clock {
            partitions = partitions == null ? List.of() : List.copyOf(partitions);
        }
    }

    /** The purchase histories of the tenant's customers in some partitions. */
    record Histories(List<Integer> partitions, List<CustomerHistory.Parts> histories) implements OwnPartitions {

        public Histories {
            partitions = partitions == null ? List.of() : List.copyOf(partitions);
            histories = histories == null ? List.of() : histories;
        }
    }
}
