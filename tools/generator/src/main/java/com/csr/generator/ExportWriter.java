package com.csr.generator;

import java.io.Closeable;
import java.io.IOException;

/** Writes an export's rows, header first, in one file format. */
interface ExportWriter extends Closeable {

    String[] HEADER = {"Invoice", "StockCode", "Description", "Quantity", "InvoiceDate", "Price", "Customer ID",
        "Country"};

    void write(ExportLine line) throws IOException;

    /** Completes the file; a writer closed without it leaves nothing worth keeping. */
    void finish() throws IOException;
}
