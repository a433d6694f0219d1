package com.csr.generator;

/**
 * One line of the catalogue as the export shows it.
 *
 * @param index       position in the catalogue, so writers can keep per-product caches in arrays
 * @param stockCode   e.g. {@code 85123A}, or {@code POST} for postage
 * @param description e.g. {@code WHITE HEART T-LIGHT HOLDER}
 * @param pricePence  the shelf price
 */
record Product(int index, String stockCode, String description, int pricePence) {
}
