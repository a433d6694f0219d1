package com.csr.core.events;

import com.csr.core.transactions.Transaction;

/**
 * A clean transaction on {@code transactions.clean}.
 *
 * @param tenantId      whose
 * @param fileId        the file it came from
 * @param transactionId unique within the tenant: {@code invoice#n}, the n-th line of that invoice in its file, so
 *                      the same line arriving twice (a file published again) is recognised
 * @param transaction   the line itself
 */
public record CleanTransaction(String tenantId, String fileId, String transactionId, Transaction transaction) {
}
