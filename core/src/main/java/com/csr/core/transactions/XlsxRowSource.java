package com.csr.core.transactions;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.stream.Stream;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;

/**
 * Rows of the first sheet of an XLSX workbook, streamed by fastexcel-reader (StAX, no DOM). Numbers keep their raw
 * text, so dates arrive as spreadsheet serial days, which {@link TimestampParser} reads.
 */
final class XlsxRowSource extends HeaderedRowSource {

    private final ReadableWorkbook workbook;
    private final Stream<Row> stream;
    private final Iterator<Row> rows;

    XlsxRowSource(InputStream in, ColumnMapping mapping) {
        try {
            this.workbook = new ReadableWorkbook(in);
            this.stream = workbook.getFirstSheet().openStream();
        } catch (IOException | RuntimeException e) {
            TransactionFiles.closeQuietly(in);
            throw new InvalidTransactionFileException("not a readable XLSX workbook: " + e.getMessage(), e);
        }
        this.rows = stream.iterator();
        try {
            resolveLayout(mapping, "the workbook's first sheet is empty");
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    @Override
    String[] readRow() {
        try {
            while (rows.hasNext()) {
                Row row = rows.next();
                String[] cells = new String[row.getCellCount()];
                boolean blank = true;
                for (int i = 0; i < cells.length; i++) {
                    cells[i] = text(row.getCell(i));
                    blank &= cells[i].isBlank();
                }
                if (!blank) {
                    return cells;
                }
            }
            return null;
        } catch (UncheckedIOException e) {
            throw TransactionFiles.unreadable(e, rowNumber());
        } catch (RuntimeException e) {
            throw new InvalidTransactionFileException("the workbook breaks off after data row " + rowNumber() + ": "
                    + e.getMessage(), e);
        }
    }

    private static String text(Cell cell) {
        if (cell == null || cell.getType() == CellType.EMPTY) {
            return "";
        }
        String raw = cell.getType() == CellType.NUMBER ? cell.getRawValue() : cell.getText();
        return raw == null ? "" : raw;
    }

    @Override
    public void close() {
        TransactionFiles.closeQuietly(stream);
        TransactionFiles.closeQuietly(workbook);
    }
}
