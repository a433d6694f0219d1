package com.csr.gateway;

import com.csr.kit.testing.KafkaResource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;

/** A broker, as for every gateway test, and {@link IngestStub} in the ingest service's place. */
public class IngestStubResource extends KafkaResource {

    static IngestStub ingest;

    @Override
    public Map<String, String> start() {
        Map<String, String> config = new HashMap<>(super.start());
        try {
            ingest = new IngestStub();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        config.put("csr.gateway.services.ingest", ingest.url());
        return config;
    }

    @Override
    public void stop() {
        if (ingest != null) {
            ingest.close();
        }
        super.stop();
    }
}
