/**
 * Reading retailers' transaction files: CSV (any common delimiter), gzip CSV and XLSX, header aliases of common
 * exports, explicit column mappings, and tolerant parsing of dates and numbers.
 */
package com.csr.core.transactions;
