package com.csr.contracts.ids;

import java.util.regex.Pattern;

/**
 * Ids of what is kept under a tenant — files, training sets, runs, API keys, model kinds and versions — name
 * directories and database documents, so they follow one safe alphabet: 1-128 letters, digits, {@code .}, {@code _}
 * or {@code -}, starting with a letter or digit. No path can be smuggled through one.
 */
public final class RecordIds {

    private static final Pattern VALID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,127}");

    private RecordIds() {
    }

    public static boolean isValid(String id) {
        return id != null && VALID.matcher(id).matches();
    }

    /**
     * @param what what the id names, for the message (e.g. {@code "file id"})
     * @return the id, when valid
     * @throws IllegalArgumentException otherwise, naming the rule
     */
    public static String require(String what, String id) {
        if (!isValid(id)) {
            throw new IllegalArgumentException("invalid " + what + " '" + id
                    + "': use 1-128 letters, digits, '.', '_' or '-', starting with a letter or digit");
        }
        return id;
    }
}
