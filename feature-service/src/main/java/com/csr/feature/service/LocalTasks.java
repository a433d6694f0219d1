package com.csr.feature.service;

import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.function.Function;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.TaskMetadata;
import org.apache.kafka.streams.ThreadMetadata;

/**
 * The partitions whose tasks this instance's stream threads run, as the threads themselves know them (with or
 * without an advertised address). A task is one partition of every store; a warm-up task, which copies a
 * partition's state before the partition moves here, counts as a standby.
 */
public final class LocalTasks {

    private LocalTasks() {
    }

    /** The partitions whose active task runs here: the ones this instance processes and answers reads for. */
    public static SortedSet<Integer> active(KafkaStreams streams) {
        return partitions(streams, ThreadMetadata::activeTasks);
    }

    /** The partitions this instance keeps a standby or warm-up copy of: it answers no read for them. */
    public static SortedSet<Integer> standby(KafkaStreams streams) {
        return partitions(streams, ThreadMetadata::standbyTasks);
    }

    private static SortedSet<Integer> partitions(KafkaStreams streams,
                                                 Function<ThreadMetadata, Set<TaskMetadata>> tasks) {
        SortedSet<Integer> partitions = new TreeSet<>();
        streams.metadataForLocalThreads().forEach(thread -> tasks.apply(thread)
                .forEach(task -> partitions.add(task.taskId().partition())));
        return partitions;
    }
}
