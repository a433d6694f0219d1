/**
 * Ingestion through Kafka: files arrive as one record per row and an end-of-file marker; a file is assembled,
 * cleaned with the same {@code TransactionCleaner} as the batch run, and turned into clean, rejected and report
 * events. Also the publisher data engineers (and the HTTP upload) use to put a file on {@code transactions.raw}.
 */
package com.csr.ingest.files;
