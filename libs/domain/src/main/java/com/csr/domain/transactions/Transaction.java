package com.csr.domain.transactions;

/**
 * One clean line of a retailer's transaction file, in the platform's standard form.
 *
 * @param rowNumber   1-based data row in the source file (header excluded), for tracing a line back to its file
 * @param invoice     invoice or order id; files without one get one purchase occasion per customer and timestamp
 * @param stockCode   product code, empty when the file has none
 * @param description product description, empty when the file has none
 * @param quantity    units; negative for a cancellation
 * @param unitPrice   price per unit; 0 when the file gives only an amount
 * @param amount      signed line value: quantity x price, or the file's amount; negative for a cancellation
 * @param epochSecond time of the transaction, seconds since the epoch, read as UTC
 * @param customerId  the customer, normalised (no trailing ".0" from spreadsheet exports)
 * @param country     country, empty when the file has none
 * @param cancellation true for a cancelled or returned line ("C" invoice or negative quantity)
 */
public record Transaction(long rowNumber, String invoice, String stockCode, String description, double quantity,
                          double unitPrice, double amount, long epochSecond, String customerId, String country,
                          boolean cancellation) {
}
