/**
 * {@code csr generate}: a shop simulated customer by customer — arrivals, heterogeneous buying rates and dropout as
 * BG/NBD assumes, a Zipf-popular catalogue, a seasonal peak — written out as a messy Online Retail II export (CSV,
 * CSV.gz or XLSX) together with the exact accounting the platform's cleaning must arrive at.
 */
package com.csr.generator;
