package com.csr.ingest.service;

import com.csr.contracts.events.IngestReport;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Every file's ingest report, by tenant, as {@code ingest.reports} holds them: what {@code GET /files} answers, and
 * the set of files already counted, so a file published again is not ingested twice. It is complete once it has
 * caught up with the topic; until then nothing may be ingested.
 */
@ApplicationScoped
public class ReportView {

    private final Map<String, Map<String, IngestReport>> reportsByTenant = new ConcurrentHashMap<>();
    private final CountDownLatch caughtUp = new CountDownLatch(1);

    public void record(IngestReport report) {
        reportsByTenant.computeIfAbsent(report.tenantId(), t -> new ConcurrentHashMap<>())
                .putIfAbsent(report.fileId(), report);
    }

    /** True when the file has been reported, completed or failed: its rows are not to be counted again. */
    public boolean isReported(String tenantId, String fileId) {
        return report(tenantId, fileId).isPresent();
    }

    public Optional<IngestReport> report(String tenantId, String fileId) {
        return Optional.ofNullable(reportsByTenant.getOrDefault(tenantId, Map.of()).get(fileId));
    }

    /** The tenant's reports, oldest first. */
    public List<IngestReport> reports(String tenantId) {
        return reportsByTenant.getOrDefault(tenantId, Map.of()).values().stream()
                .sorted(Comparator.comparing(IngestReport::completedAt, Comparator.nullsFirst(Comparator.<String>naturalOrder()))
                        .thenComparing(IngestReport::fileId))
                .toList();
    }

    /** Called once every report that was on the topic at start-up has been read. */
    public void markCaughtUp() {
        caughtUp.countDown();
    }

    public boolean isCaughtUp() {
        return caughtUp.getCount() == 0;
    }

    /** Waits up to {@code millis} for the view to catch up; true when it has. */
    public boolean awaitCaughtUp(long millis) throws InterruptedException {
        return caughtUp.await(millis, TimeUnit.MILLISECONDS);
    }
}
