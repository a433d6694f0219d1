package com.csr.generator;

/** The export would hold more rows than its file format can; nothing was written. */
public final class ExportTooLargeException extends IllegalArgumentException {

    ExportTooLargeException(String message) {
        super(message);
    }
}
