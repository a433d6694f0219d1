package com.csr.domain.transactions;

import java.util.Locale;

/** The fields a transaction file can carry; a column mapping says which column holds each. */
public enum Field {
    CUSTOMER, DATE, AMOUNT, QUANTITY, PRICE, INVOICE, PRODUCT, DESCRIPTION, COUNTRY;

    /** The name used in a column mapping, e.g. {@code customer}. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The name used in the column mapping document (the original system's), e.g. {@code customer_id}. */
    public String documentKey() {
        return switch (this) {
            case CUSTOMER -> "customer_id";
            case DATE -> "order_datetime";
            case AMOUNT -> "order_total";
            case PRICE -> "unit_price";
            case INVOICE -> "order_id";
            case PRODUCT -> "product_id";
            case QUANTITY, DESCRIPTION, COUNTRY -> key();
        };
    }

    /** Parses a mapping key; accepts a few synonyms so {@code stock=...} or {@code price=...} read naturally. */
    public static Field fromKey(String key) {
        String k = key.trim().toLowerCase(Locale.ROOT).replace("_", "");
        return switch (k) {
            case "customer", "customerid" -> CUSTOMER;
            case "date", "datetime", "orderdatetime", "invoicedate", "time" -> DATE;
            case "amount", "ordertotal", "total", "value", "revenue" -> AMOUNT;
            case "quantity", "qty", "units" -> QUANTITY;
            case "price", "unitprice" -> PRICE;
            case "invoice", "order", "orderid" -> INVOICE;
            case "product", "productid", "stock", "stockcode", "sku" -> PRODUCT;
            case "description" -> DESCRIPTION;
            case "country" -> COUNTRY;
            default -> throw new IllegalArgumentException("unknown field '" + key.trim()
                    + "' in the column mapping; known fields: customer, date, amount, quantity, price, invoice, "
                    + "product, description, country");
        };
    }
}
