package com.csr.generator;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Enumeration;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/**
 * The export as an XLSX workbook of one sheet, streamed by fastexcel: numbers, invoice numbers and customer ids as
 * number cells, dates as date cells, the rest as text, as a spreadsheet export has them.
 *
 * <p>fastexcel stamps the workbook with the time it was written, so a seed would not give the same bytes twice. The
 * workbook is therefore written to a draft beside the target and copied entry by entry into the target with that
 * stamp set to the as-of date and every entry's time fixed.
 */
final class XlsxExportWriter implements ExportWriter {

    /** A sheet holds 1,048,576 rows, the header included. */
    static final int MAX_DATA_ROWS = Worksheet.MAX_ROWS - 1;

    private static final String DATE_FORMAT = "yyyy-mm-dd hh:mm:ss";
    /**
     * Rows kept in memory before they go to the draft; the sheet cannot be streamed otherwise. The date format is
     * set on each such block at once: set cell by cell it would take longer than all the rest.
     */
    private static final int FLUSH_EVERY = 10_000;
    private static final String PROPERTIES = "docProps/core.xml";
    private static final LocalDateTime ZIP_ENTRY_TIME = LocalDateTime.of(1980, 1, 1, 0, 0);

    private final Path target;
    private final Path draft;
    private final LocalDate asOf;
    private final OutputStream draftStream;
    private final Workbook workbook;
    private final Worksheet sheet;
    private int row;
    private int flushed;
    private long cachedMinute = Long.MIN_VALUE;
    private LocalDateTime cachedTime;

    XlsxExportWriter(Path target, LocalDate asOf) throws IOException {
        this.target = target;
        this.asOf = asOf;
        this.draft = Files.createTempFile(target.toAbsolutePath().getParent(), ".draft-", ".xlsx");
        this.draftStream = new BufferedOutputStream(Files.newOutputStream(draft), 1 << 16);
        this.workbook = new Workbook(draftStream, "csr generate", "1.0");
        // the draft is compressed once, when it is copied
        workbook.setCompressionLevel(Deflater.NO_COMPRESSION);
        this.sheet = workbook.newWorksheet("Transactions");
        for (int c = 0; c < HEADER.length; c++) {
            sheet.value(0, c, HEADER[c]);
        }
    }

    @Override
    public void write(ExportLine line) throws IOException {
        int r = ++row;
        if (line.cancellation) {
            sheet.value(r, 0, "C" + line.invoice);
        } else {
            sheet.value(r, 0, line.invoice);
        }
        sheet.value(r, 1, line.product.stockCode());
        sheet.value(r, 2, line.product.description());
        if (line.damage == ExportLine.Damage.QUANTITY_UNREADABLE) {
            sheet.value(r, 3, ExportLine.UNREADABLE_QUANTITY);
        } else {
            sheet.value(r, 3, line.quantity);
        }
        if (line.damage != ExportLine.Damage.CUT_SHORT) {
            if (line.damage == ExportLine.Damage.DATE_UNREADABLE) {
                sheet.value(r, 4, ExportLine.UNREADABLE_DATE);
            } else {
                sheet.value(r, 4, time(line.minute));
            }
            sheet.value(r, 5, line.pricePence / 100.0);
            if (!line.guest) {
                sheet.value(r, 6, line.customer.id);
            }
            sheet.value(r, 7, line.customer.country);
        }
        if (r % FLUSH_EVERY == 0) {
            flushRows();
        }
    }

    private void flushRows() throws IOException {
        int first = flushed + 1;
        if (row >= first) {
            // a row cut short gets an empty date cell this way: still fewer cells than cleaning needs
            sheet.range(first, 4, row, 4).style().format(DATE_FORMAT).set();
            sheet.flush();
            flushed = row;
        }
    }

    @Override
    public void finish() throws IOException {
        flushRows();
        workbook.finish();
        draftStream.close();
        copyWithFixedStamps();
    }

    @Override
    public void close() throws IOException {
        try {
            draftStream.close();
        } finally {
            Files.deleteIfExists(draft);
        }
    }

    private LocalDateTime time(long epochMinute) {
        if (epochMinute != cachedMinute) {
            cachedMinute = epochMinute;
            cachedTime = LocalDateTime.ofEpochSecond(epochMinute * 60, 0, ZoneOffset.UTC);
        }
        return cachedTime;
    }

    private void copyWithFixedStamps() throws IOException {
        try (ZipFile in = new ZipFile(draft.toFile());
             ZipOutputStream out = new ZipOutputStream(new BufferedOutputStream(Files.newOutputStream(target),
                     1 << 16))) {
            out.setLevel(ExportFormat.DEFLATE_LEVEL);
            Enumeration<? extends ZipEntry> entries = in.entries();
            while (entries.hasMoreElements()) {
                ZipEntry entry = entries.nextElement();
                ZipEntry copy = new ZipEntry(entry.getName());
                copy.setTimeLocal(ZIP_ENTRY_TIME);
                out.putNextEntry(copy);
                try (InputStream content = in.getInputStream(entry)) {
                    if (entry.getName().equals(PROPERTIES)) {
                        String xml = new String(content.readAllBytes(), StandardCharsets.UTF_8);
                        out.write(xml.replaceFirst("(<dcterms:created[^>]*>)[^<]*(</dcterms:created>)",
                                "$1" + asOf + "T00:00:00.000Z$2").getBytes(StandardCharsets.UTF_8));
                    } else {
                        content.transferTo(out);
                    }
                }
                out.closeEntry();
            }
        }
    }
}
