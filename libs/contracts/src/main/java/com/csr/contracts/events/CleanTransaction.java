package com.csr.contracts.events;

import com.csr.domain.transactions.Transaction;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.ArrayList;
import java.util.List;

/**
 * A clean transaction on {@code transactions.clean}, or a block of one customer's clean transactions of one file.
 *
 * @param tenantId      whose
 * @param fileId        the file it came from
 * @param transactionId unique within the tenant: {@code invoice#n}, the n-th line of that invoice in its file, so
 *                      the same line arriving twice (a file published again) is recognised; null on a block
 * @param transaction   the line itself; null on a block
 * @param block         on a block, its lines in the order they were cleaned, all of one customer; null otherwise
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CleanTransaction(String tenantId, String fileId, String transactionId, Transaction transaction,
                               List<Line> block) {

    /**
     * One line of a block: what a clean transaction of its own would carry beside its tenant and file. What ingestion
     * publishes, since a record a line cost the producer, the broker and the feature service more than the line
     * itself (a block is keyed by its customer, like the line). Lines on their own stay as welcome.
     */
    public record Line(String transactionId, Transaction transaction) {
    }

    /** One line on its own. */
    public CleanTransaction(String tenantId, String fileId, String transactionId, Transaction transaction) {
        this(tenantId, fileId, transactionId, transaction, null);
    }

    /** A block of lines of one customer (each line's transaction names them). */
    public static CleanTransaction block(String tenantId, String fileId, List<Line> lines) {
        return new CleanTransaction(tenantId, fileId, null, null, List.copyOf(lines));
    }

    @JsonIgnore
    public boolean isBlock() {
        return block != null;
    }

    /** The lines this record carries, each as a clean transaction of its own: a block's lines, or itself. */
    @JsonIgnore
    public List<CleanTransaction> unpacked() {
        if (block == null) {
            return List.of(this);
        }
        List<CleanTransaction> lines = new ArrayList<>(block.size());
        for (Line line : block) {
            lines.add(line == null ? new CleanTransaction(tenantId, fileId, null, null)
                    : new CleanTransaction(tenantId, fileId, line.transactionId(), line.transaction()));
        }
        return lines;
    }
}
