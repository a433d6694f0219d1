package com.csr.ingest.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.csr.contracts.events.CleanTransaction;
import com.csr.contracts.events.IngestReport;
import com.csr.contracts.events.RawRow;
import com.csr.contracts.events.RejectedRow;
import com.csr.contracts.events.Topics;
import com.csr.domain.TestFiles;
import com.csr.domain.json.EventJson;
import com.csr.platform.kafka.RawRowPublisher;
import com.csr.platform.testing.EmbeddedKafka;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
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
    void publishesTheStartMarkerTheRowsInBlocksAndTheEndMarkerOnOnePartition(@TempDir Path directory)
            throws IOException {
        List<String> lines = new ArrayList<>(Files.readAllLines(TestFiles.fixture("tiny.csv")));
        List<String> rows = lines.subList(1, lines.size());
        List<String> file = new ArrayList<>(List.of(lines.get(0)));
        while (file.size() <= 1_201) {
            file.addAll(rows);
        }
        file = file.subList(0, 1_202);
        Path csv = Files.write(directory.resolve("rows.csv"), file);
        RawRowPublisher.Published published;
        try (RawRowPublisher publisher = RawRowPublisher.connect(kafka.bootstrapServers())) {
            published = publisher.publish("t1", csv, null, null, null);
        }
        assertThat(published.rows()).isEqualTo(1_201);
        assertThat(published.fileId()).hasSize(64);

        // start, blocks of 500, 500 and 201 rows, end
        List<ConsumerRecord<String, byte[]>> records = consumeAll(5);
        assertThat(records).hasSize(5);
        Set<Integer> partitions = new HashSet<>();
        List<CleanTransaction> clean = new ArrayList<>();
        FileStateStore store = FileStateStore.open(directory.resolve("state"));
        IncomingFile incoming = new IncomingFile(FileState.opened("t1", published.fileId(), 0),
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
        List<Integer> blockSizes = new ArrayList<>();
        long previousRow = 0;
        for (ConsumerRecord<String, byte[]> record : records) {
            partitions.add(record.partition());
            RawRow raw = EventJson.read(record.value(), RawRow.class);
            assertThat(new String(record.headers().lastHeader(Topics.TENANT_HEADER).value())).isEqualTo("t1");
            if (raw.isBlock()) {
                assertThat(raw.row()).isEqualTo(previousRow + 1);
                assertThat(raw.block().columns()).isEqualTo(List.of(lines.get(0).split(",")));
                blockSizes.add(raw.block().rows().size());
                previousRow += raw.block().rows().size();
            }
            for (RawRow one : raw.unpacked()) {
                report = incoming.add(one);
            }
        }
        assertThat(blockSizes).containsExactly(500, 500, 201);
        assertThat(EventJson.read(records.get(0).value(), RawRow.class).isStart()).isTrue();
        assertThat(EventJson.read(records.get(4).value(), RawRow.class).end().rowCount()).isEqualTo(1_201);
        assertThat(partitions).hasSize(1);
        assertThat(incoming.state().heldRows()).isFalse();
        store.close();
        assertThat(report).get().extracting(IngestReport::rowsRead).isEqualTo(1_201L);
        // the same 15 rows over and over: each repeat of a kept line is an exact duplicate
        assertThat(clean).hasSize(7);
    }

    @Test
    void withNoBrokerTheFirstRefusedRecordStopsThePublishing(@TempDir Path directory) throws IOException {
        List<String> lines = Files.readAllLines(TestFiles.fixture("tiny.csv"));
        List<String> file = new ArrayList<>(List.of(lines.get(0)));
        while (file.size() <= 5_000) {
            file.addAll(lines.subList(1, lines.size()));
        }
        Path csv = Files.write(directory.resolve("rows.csv"), file);
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:9");
        p.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 300);
        p.putAll(RawRowPublisher.producerSettings());
        // a start marker, ten blocks and an end marker: before, each waited for the broker in turn
        try (RawRowPublisher publisher = new RawRowPublisher(new KafkaProducer<>(p, new StringSerializer(),
                new ByteArraySerializer()))) {
            assertThatThrownBy(() -> publisher.publish("t1", csv, "no-broker", null, null))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageStartingWith("Kafka refused a record of file no-broker, so nothing more of it was sent");
        }
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
