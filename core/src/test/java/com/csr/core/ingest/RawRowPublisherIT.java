package com.csr.core.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.csr.core.TestFiles;
import com.csr.core.events.EventJson;
import com.csr.core.events.RawRow;
import com.csr.core.events.Topics;
import com.csr.core.testing.EmbeddedKafka;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.ArrayList;
import java.util.Optional;
import com.csr.core.events.CleanTransaction;
import com.csr.core.events.IngestReport;
import com.csr.core.events.RejectedRow;
import java.util.Properties;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Against a real broker: a file's rows and end marker land on one partition, in order, assembled complete. */
class RawRowPublisherIT {

    private static EmbeddedKafka kafka;

    @BeforeAll
    static void startKafka() {
        kafka = EmbeddedKafka.start();
    }

    @AfterAll
    static void stopKafka() {
        kafka.close();
    }

    @Test
    void publishesTheStartMarkerEveryRowAndTheEndMarkerOnOnePartition(@TempDir Path directory) {
        RawRowPublisher.Published published;
        try (RawRowPublisher publisher = RawRowPublisher.connect(kafka.bootstrapServers())) {
            published = publisher.publish("t1", TestFiles.fixture("tiny.csv"), null, null, null);
        }
        assertThat(published.rows()).isEqualTo(15);
        assertThat(published.fileId()).hasSize(64);

        List<ConsumerRecord<String, byte[]>> records = consumeAll(17);
        Set<Integer> partitions = new HashSet<>();
        List<CleanTransaction> clean = new ArrayList<>();
        FileStateStore store = FileStateStore.open(directory);
        IncomingFile file = new IncomingFile(FileState.opened("t1", published.fileId(), 0),
                store.memory(0, "t1", published.fileId()), new IncomingFile.Output() {
            @Override
            public void clean(CleanTransaction transaction) {
                clean.add(transaction);
            }

            @Override
            public void rejected(RejectedRow row) {
            }
        });
        Optional<IngestReport> report = Optional.empty();
        long previousRow = -1;
        for (ConsumerRecord<String, byte[]> record : records) {
            partitions.add(record.partition());
            RawRow row = EventJson.read(record.value(), RawRow.class);
            assertThat(row.isEnd() || row.row() == previousRow + 1).isTrue();
            assertThat(row.isStart()).isEqualTo(previousRow == -1);
            previousRow = row.row();
            assertThat(new String(record.headers().lastHeader(Topics.TENANT_HEADER).value())).isEqualTo("t1");
            report = file.add(row);
        }
        assertThat(partitions).hasSize(1);
        assertThat(file.state().heldRows()).isFalse();
        store.close();
        assertThat(report).get().extracting(IngestReport::rowsRead).isEqualTo(15L);
        assertThat(clean).hasSize(7);
    }

    private static List<ConsumerRecord<String, byte[]>> consumeAll(int expected) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        p.put(ConsumerConfig.GROUP_ID_CONFIG, "test");
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(p, new StringDeserializer(),
                new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(Topics.TRANSACTIONS_RAW));
            long deadline = System.currentTimeMillis() + 20_000;
            while (records.size() < expected && System.currentTimeMillis() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
        }
        return records;
    }
}
