package com.csr.gateway.portfolio.scores;

import com.csr.contracts.events.CustomerFeaturesUpdate;
import com.csr.contracts.events.CustomerScore;
import com.csr.contracts.events.Topics;
import com.csr.platform.kafka.JsonSerde;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The gateway's read model: every customer's merged scores and latest features, kept in two state stores (backed
 * by changelog topics) that the portfolio views query.
 */
@ApplicationScoped
public class PortfolioTopology {

    public static final String SCORES_STORE = "merged-scores";
    public static final String FEATURES_STORE = "latest-features";

    @Produces
    public Topology topology() {
        StreamsBuilder builder = new StreamsBuilder();
        builder.stream(Topics.CUSTOMER_SCORES, Consumed.with(Serdes.String(), new JsonSerde<>(CustomerScore.class)))
                .filter((key, score) -> score != null)
                .groupByKey()
                .aggregate(MergedScores::empty, (key, score, merged) -> merged.updateFrom(score),
                        Materialized.<String, MergedScores, KeyValueStore<Bytes, byte[]>>as(SCORES_STORE)
                                .withKeySerde(Serdes.String()).withValueSerde(new JsonSerde<>(MergedScores.class)));
        builder.table(Topics.CUSTOMER_FEATURES,
                Consumed.with(Serdes.String(), new JsonSerde<>(CustomerFeaturesUpdate.class)),
                Materialized.<String, CustomerFeaturesUpdate, KeyValueStore<Bytes, byte[]>>as(FEATURES_STORE)
                        .withKeySerde(Serdes.String())
                        .withValueSerde(new JsonSerde<>(CustomerFeaturesUpdate.class)));
        return builder.build();
    }
}
