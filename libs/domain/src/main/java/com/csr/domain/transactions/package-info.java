/**
 * Reading retailers' transaction files: CSV (any common delimiter), gzip CSV and XLSX, header aliases of common
 * exports, explicit column mappings, and tolerant parsing of dates and numbers; every file within its
 * {@link com.csr.domain.transactions.FileLimits}, so that no file can hold the reader's memory.
 */
package com.csr.domain.transactions;
