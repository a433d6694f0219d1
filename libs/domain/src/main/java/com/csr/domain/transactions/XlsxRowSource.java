package com.csr.domain.transactions;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.stream.Stream;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;

/**
 * Rows of the first sheet of an XLSX workbook, streamed by fastexcel-reader (StAX, no DOM) from the file on disk:
 * {@code ReadableWorkbook(File)} reads the zip in place, where {@code ReadableWorkbook(InputStream)} would copy the
 * whole file onto the heap. {@link WorkbookCheck} has bounded what the parts inflate to before it opens. Numbers
 * keep their raw text, so dates arrive as spreadsheet serial days, which {@link TimestampParser} reads.
 */
final class XlsxRowSource extends HeaderedRowSource {

    private final Path file;
    private final boolean temporary;
    private final int headerRows;
    private final ReadableWorkbook workbook;
    private final Stream<Row> stream;
    private final Iterator<Row> rows;
    private long rowsRead;

    /**
     * @param file      the workbook
     * @param temporary whether the file is a copy of ours, deleted when the source closes
     */
    XlsxRowSource(Path file, boolean temporary, ColumnMapping mapping, FileLimits limits) {
        super(limits);
        this.file = file;
        this.temporary = temporary;
        this.headerRows = mapping.isPositional() ? 0 : 1;
        ReadableWorkbook opened = null;
        try {
            WorkbookCheck.check(file, limits, !mapping.isPositional());
            opened = new ReadableWorkbook(file.toFile());
            this.workbook = opened;
            this.stream = workbook.getFirstSheet().openStream();
        } catch (InvalidTransactionFileException e) {
            discard(opened);
            throw e;
        } catch (IOException | RuntimeException e) {
            discard(opened);
            throw WorkbookCheck.notAWorkbook(String.valueOf(e.getMessage()), e);
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
                long chars = 0;
                for (int i = 0; i < cells.length; i++) {
                    cells[i] = text(row.getCell(i));
                    blank &= cells[i].isBlank();
                    chars += cells[i].length();
                }
                if (!blank) {
                    limits().requireLine(++rowsRead - headerRows, chars);
                    return cells;
                }
            }
            return null;
        } catch (UncheckedIOException e) {
            throw TransactionFiles.unreadable(e, rowNumber());
        } catch (InvalidTransactionFileException e) {
            throw e;
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

    /** Where the workbook is read from: the file given, or the temporary copy of a stream. */
    Path file() {
        return file;
    }

    private void discard(ReadableWorkbook opened) {
        if (opened != null) {
            TransactionFiles.closeQuietly(opened);
        }
        deleteIfTemporary();
    }

    private void deleteIfTemporary() {
        if (temporary) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException ignored) {
                // the temporary directory's own clean-up takes it then
            }
        }
    }

    @Override
    public void close() {
        TransactionFiles.closeQuietly(stream);
        TransactionFiles.closeQuietly(workbook);
        deleteIfTemporary();
    }
}
