package com.csr.domain.transactions;

import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Header names of common exports (Online Retail, Online Retail II, the original's upload format) and the field each
 * stands for. Names are compared without case, spaces, underscores or dashes.
 */
public final class HeaderAliases {

    private static final Map<Field, List<String>> ALIASES = new EnumMap<>(Map.of(
            Field.CUSTOMER, List.of("customerid", "customer", "customerno", "clientid"),
            Field.DATE, List.of("invoicedate", "orderdatetime", "orderdate", "date", "datetime", "transactiondate"),
            Field.AMOUNT, List.of("ordertotal", "amount", "total", "linetotal", "sales"),
            Field.QUANTITY, List.of("quantity", "qty", "units"),
            Field.PRICE, List.of("unitprice", "price"),
            Field.INVOICE, List.of("invoiceno", "invoice", "orderid", "invoiceid", "orderno"),
            Field.PRODUCT, List.of("stockcode", "productid", "sku", "product"),
            Field.DESCRIPTION, List.of("description", "productname"),
            Field.COUNTRY, List.of("country")));

    private HeaderAliases() {
    }

    /** Lower-case letters and digits only: "Customer ID", "customer_id" and "CustomerID" all become "customerid". */
    public static String normalise(String header) {
        StringBuilder sb = new StringBuilder(header.length());
        for (char c : header.toCharArray()) {
            if (Character.isLetterOrDigit(c)) {
                sb.append(Character.toLowerCase(c));
            }
        }
        return sb.toString().toLowerCase(Locale.ROOT);
    }

    /** The field a header names, or null when it is not a known alias. */
    public static Field fieldOf(String header) {
        String n = normalise(header);
        for (Map.Entry<Field, List<String>> e : ALIASES.entrySet()) {
            if (e.getValue().contains(n)) {
                return e.getKey();
            }
        }
        return null;
    }
}
