package com.csr.feature.service;

import jakarta.ws.rs.ServiceUnavailableException;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The rule of a tenant-wide read: its answers, each naming the partitions it was read from, cover every partition
 * of the stores exactly once. A partition missing is one no instance could read yet (its active task is being
 * restored, or a rebalance has not placed it); one read twice has just moved between the instances asked. Either
 * way the read would be wrong, so it is refused with a 503 that says to try again in a few seconds.
 */
public final class PartitionCoverage {

    private PartitionCoverage() {
    }

    /**
     * Checks that {@code answers} cover partitions {@code 0 .. partitions - 1} exactly once between them.
     *
     * @param partitions how many partitions the stores have
     * @param answers    each answer's partitions
     * @throws ServiceUnavailableException naming the first partition missing, read twice, or unknown
     */
    public static void require(int partitions, List<? extends Collection<Integer>> answers) {
        Map<Integer, Integer> reads = new TreeMap<>();
        answers.forEach(answer -> answer.forEach(partition -> reads.merge(partition, 1, Integer::sum)));
        for (int partition = 0; partition < partitions; partition++) {
            int times = reads.getOrDefault(partition, 0);
            if (times == 0) {
                throw new ServiceUnavailableException("partition " + partition + " is being restored; try again in "
                        + "a few seconds");
            }
            if (times > 1) {
                throw new ServiceUnavailableException("partition " + partition + " was read on two instances while "
                        + "it moved between them; try again in a few seconds");
            }
        }
        reads.keySet().stream().filter(partition -> partition < 0 || partition >= partitions).findFirst()
                .ifPresent(partition -> {
                    throw new ServiceUnavailableException("partition " + partition + " is not one of the "
                            + partitions + " this instance knows of; try again in a few seconds");
                });
    }
}
