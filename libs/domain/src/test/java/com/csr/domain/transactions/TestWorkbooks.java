package com.csr.domain.transactions;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/** Workbooks for the limit tests: written by fastexcel, or part by part to control every byte, and tampered with. */
final class TestWorkbooks {

    static final String SHEET = "xl/worksheets/sheet1.xml";
    static final String SHARED_STRINGS = "xl/sharedStrings.xml";
    /** The parts {@link WorkbookCheck} and fastexcel read; the others (styles, document properties) are not. */
    static final List<String> READ_PARTS = List.of("[Content_Types].xml", "xl/workbook.xml",
            "xl/_rels/workbook.xml.rels", SHARED_STRINGS, SHEET);

    private TestWorkbooks() {
    }

    /** Rows written by fastexcel, every cell text: shared strings, or inline strings. */
    static byte[] written(List<String[]> rows, boolean inline) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            Workbook workbook = new Workbook(out, "csr", "1.0");
            Worksheet ws = workbook.newWorksheet("Sheet1");
            for (int r = 0; r < rows.size(); r++) {
                for (int c = 0; c < rows.get(r).length; c++) {
                    if (inline) {
                        ws.inlineString(r, c, rows.get(r)[c]);
                    } else {
                        ws.value(r, c, rows.get(r)[c]);
                    }
                }
            }
            workbook.finish();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** The parts of a one-sheet workbook around a sheet's XML (and shared strings, or null), in reading order. */
    static Map<String, byte[]> parts(String sheetXml, String sharedStringsXml) {
        Map<String, byte[]> parts = new LinkedHashMap<>();
        parts.put("[Content_Types].xml", utf8("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                + "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
                + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
                + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
                + "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument"
                + ".spreadsheetml.sheet.main+xml\"/>"
                + "<Override PartName=\"/xl/worksheets/sheet1.xml\" ContentType=\"application/vnd.openxmlformats-"
                + "officedocument.spreadsheetml.worksheet+xml\"/>"
                + (sharedStringsXml == null ? "" : "<Override PartName=\"/xl/sharedStrings.xml\" ContentType=\""
                + "application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml\"/>")
                + "</Types>"));
        parts.put("_rels/.rels", utf8("<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/"
                + "relationships\"><Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/"
                + "2006/relationships/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>"));
        parts.put("xl/workbook.xml", utf8("<workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/"
                + "main\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"><sheets>"
                + "<sheet name=\"Sheet1\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>"));
        parts.put("xl/_rels/workbook.xml.rels", utf8("<Relationships xmlns=\"http://schemas.openxmlformats.org/"
                + "package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/"
                + "officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet1.xml\"/></Relationships>"));
        if (sharedStringsXml != null) {
            parts.put(SHARED_STRINGS, utf8(sharedStringsXml));
        }
        parts.put(SHEET, utf8(sheetXml));
        return parts;
    }

    /** A sheet of inline-string cells, as the XML gives them (escape them yourself). */
    static String inlineSheet(List<String[]> rowsOfXmlText) {
        StringBuilder xml = new StringBuilder("<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/"
                + "main\"><sheetData>");
        for (int r = 0; r < rowsOfXmlText.size(); r++) {
            xml.append("<row r=\"").append(r + 1).append("\">");
            String[] cells = rowsOfXmlText.get(r);
            for (int c = 0; c < cells.length; c++) {
                xml.append("<c r=\"").append((char) ('A' + c)).append(r + 1).append("\" t=\"inlineStr\"><is><t>")
                        .append(cells[c]).append("</t></is></c>");
            }
            xml.append("</row>");
        }
        return xml.append("</sheetData></worksheet>").toString();
    }

    /** The parts zipped, deflated. */
    static byte[] zip(Map<String, byte[]> parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (Map.Entry<String, byte[]> part : parts.entrySet()) {
                zip.putNextEntry(new ZipEntry(part.getKey()));
                zip.write(part.getValue());
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** A workbook whose sheet is {@code rowElements} empty rows long: a few kilobytes that inflate to megabytes. */
    static byte[] bomb(long rowElements) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (Map.Entry<String, byte[]> part : parts("", null).entrySet()) {
                zip.putNextEntry(new ZipEntry(part.getKey()));
                if (!part.getKey().equals(SHEET)) {
                    zip.write(part.getValue());
                } else {
                    write(zip, "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">"
                            + "<sheetData>");
                    byte[] rows = utf8("<row/>".repeat(10_000));
                    for (long i = 0; i < rowElements / 10_000; i++) {
                        zip.write(rows);
                    }
                    write(zip, "</sheetData></worksheet>");
                }
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** The decompressed size the zip's directory declares for a part. */
    static long declaredSize(byte[] zip, String part) {
        int at = directoryEntry(zip, part);
        return (zip[at + 24] & 0xffL) | (zip[at + 25] & 0xffL) << 8 | (zip[at + 26] & 0xffL) << 16
                | (zip[at + 27] & 0xffL) << 24;
    }

    /** A copy of the zip whose directory declares another decompressed size for a part: a lie the check must see. */
    static byte[] declaring(byte[] zip, String part, long size) {
        byte[] copy = zip.clone();
        int at = directoryEntry(copy, part);
        for (int i = 0; i < 4; i++) {
            copy[at + 24 + i] = (byte) (size >>> (8 * i));
        }
        return copy;
    }

    private static int directoryEntry(byte[] zip, String part) {
        byte[] name = utf8(part);
        for (int i = 0; i + 46 < zip.length; i++) {
            if (zip[i] == 'P' && zip[i + 1] == 'K' && zip[i + 2] == 1 && zip[i + 3] == 2) {
                int length = (zip[i + 28] & 0xff) | (zip[i + 29] & 0xff) << 8;
                if (length == name.length && java.util.Arrays.equals(zip, i + 46, i + 46 + length, name, 0, length)) {
                    return i;
                }
            }
        }
        throw new IllegalArgumentException("no part " + part);
    }

    private static void write(OutputStream out, String text) throws IOException {
        out.write(utf8(text));
    }

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
