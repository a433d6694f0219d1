package com.csr.domain.transactions;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The first rows of a transaction file as ingestion will read them, for a person to check a column mapping before
 * uploading: the file's columns, which one each field is taken from, and each row's fields.
 *
 * @param header  the file's column names ({@code 1, 2, ...} without a header)
 * @param columns field ({@code customer}, {@code date}, ...) to the column it is taken from, in field order
 * @param rows    the first rows, each field to its cell as the file has it
 */
public record FilePreview(List<String> header, Map<String, String> columns, List<Map<String, String>> rows) {

    /** Most rows a preview shows. */
    public static final int MAX_ROWS = 20;

    /**
     * Reads the first {@code rows} rows (at most {@value #MAX_ROWS}) within the default limits.
     *
     * @throws InvalidTransactionFileException when the file cannot be read or the mapping does not fit it
     */
    public static FilePreview of(Path file, ColumnMapping mapping, int rows) {
        return of(file, mapping, rows, FileLimits.defaults());
    }

    /**
     * Reads the first {@code rows} rows (at most {@value #MAX_ROWS}) within {@code limits}.
     *
     * @throws FileLimitException              when those rows (or a workbook's parts) are over a limit
     * @throws InvalidTransactionFileException when the file cannot be read or the mapping does not fit it
     */
    public static FilePreview of(Path file, ColumnMapping mapping, int rows, FileLimits limits) {
        try (RowSource source = TransactionFiles.open(file, mapping, limits)) {
            ColumnLayout layout = source.layout();
            List<String> header = List.copyOf(source.header());
            Map<String, String> columns = new LinkedHashMap<>();
            for (Field field : Field.values()) {
                if (layout.has(field)) {
                    columns.put(field.key(), header.get(layout.indexOf(field)));
                }
            }
            List<Map<String, String>> first = new ArrayList<>();
            String[] cells;
            while (first.size() < Math.min(rows, MAX_ROWS) && (cells = source.next()) != null) {
                Map<String, String> row = new LinkedHashMap<>();
                for (Field field : Field.values()) {
                    if (layout.has(field)) {
                        row.put(field.key(), layout.cell(cells, field));
                    }
                }
                first.add(row);
            }
            return new FilePreview(header, columns, List.copyOf(first));
        }
    }
}
