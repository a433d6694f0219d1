package com.csr.domain.cleaning;

/**
 * A 64-bit hash of a row's cells, so exact duplicates are found without keeping every row's text. Two independent
 * hashes (FNV-1a and a mixed polynomial) are folded together; at a million rows the chance of any false duplicate
 * is about 3 in 100 million, at 50 million rows about 7 in 100,000. The same hash of one code stands for an invoice
 * or a product among one customer's few thousand, where two codes sharing a hash is a chance of about 1 in 10^12.
 */
public final class RowFingerprint {

    private RowFingerprint() {
    }

    /** The fingerprint of a row's cells. */
    public static long of(String[] cells) {
        long fnv = 0xcbf29ce484222325L;
        long poly = 0x9E3779B97F4A7C15L;
        for (String cell : cells) {
            for (int i = 0; i < cell.length(); i++) {
                char c = cell.charAt(i);
                fnv = (fnv ^ c) * 0x100000001b3L;
                poly = poly * 31 + c;
            }
            fnv = (fnv ^ 0x1f) * 0x100000001b3L;
            poly = poly * 1_000_003 + 0x1f;
        }
        return fnv ^ mix(poly);
    }

    /** The fingerprint of one code: an invoice, a product. */
    public static long ofCode(String code) {
        return of(new String[] {code});
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }
}
