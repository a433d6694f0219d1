package com.csr.domain.transactions;

import java.io.IOException;
import java.io.InputStream;
import java.io.RandomAccessFile;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * Checks a workbook on disk before fastexcel-reader opens it, so that what fastexcel then holds is bounded. The
 * library offers no hook on the bytes it inflates, so the parts it will read — {@code [Content_Types].xml}, the
 * workbook and its relationships, the shared strings and the first sheet, found as fastexcel finds them — are
 * inflated here once, through counting streams whatever sizes the zip declares, and read byte by byte without
 * holding them: each part within {@link FileLimits#maxSheetBytes()} (the shared strings within
 * {@link FileLimits#maxSharedStringsBytes()}), all of them within {@link FileLimits#maxDecompressedBytes()}, every
 * cell and row of the first sheet within the cell and line limits, and the XML's tags and stray text short.
 * Anything starting {@code PK\3\4} that is not such a workbook is refused naming why.
 */
final class WorkbookCheck {

    /** More parts than any workbook has (a big one has a few hundred); their directory is read into memory. */
    static final int MAX_PARTS = 10_000;
    private static final long MAX_DIRECTORY_BYTES = 8L << 20;
    /** Longest tag, comment or text outside a cell: the markup around cells is short. */
    static final int MAX_MARKUP_BYTES = 64 << 10;
    /** Columns A to XFD: a worksheet has no more. */
    static final int MAX_COLUMNS = 16_384;

    private static final String RELATIONSHIPS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    private static final String MAIN = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml";
    private static final String MACRO_MAIN = "application/vnd.ms-excel.sheet.macroEnabled.main+xml";
    private static final String SHARED_STRINGS =
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml";
    private static final Pattern PART_FILE = Pattern.compile("^(.*/)([^/]+)$");

    private final ZipFile zip;
    private final FileLimits limits;
    private final LimitedInputStream.Budget total;

    private WorkbookCheck(ZipFile zip, FileLimits limits) {
        this.zip = zip;
        this.limits = limits;
        this.total = new LimitedInputStream.Budget(FileLimits.Limit.DECOMPRESSED_BYTES, limits.maxDecompressedBytes(),
                "the workbook");
    }

    /**
     * @param hasHeader whether the first non-blank row is a header, for the data row numbers in messages
     * @throws FileLimitException              when a part, cell or row is over its limit
     * @throws InvalidTransactionFileException when the file is not a workbook fastexcel can read
     */
    static void check(Path file, FileLimits limits, boolean hasHeader) {
        requireSmallDirectory(file);
        try (ZipFile zip = new ZipFile(file.toFile())) {
            new WorkbookCheck(zip, limits).check(hasHeader);
        } catch (ZipException e) {
            throw notAWorkbook("not a zip archive (" + e.getMessage() + ")", e);
        } catch (IOException e) {
            throw new InvalidTransactionFileException("cannot read the workbook: " + e.getMessage(), e);
        }
    }

    static InvalidTransactionFileException notAWorkbook(String why, Throwable cause) {
        return new InvalidTransactionFileException("not a readable XLSX workbook: " + why, cause);
    }

    private void check(boolean hasHeader) throws IOException {
        requireDistinctNames();

        List<String> workbooks = new ArrayList<>();
        List<String> sharedStrings = new ArrayList<>();
        scan(required("[Content_Types].xml", "no [Content_Types].xml, so a zip archive but not a workbook"),
                PartScan.markup(this::tooLong), tag -> {
                    if (!tag.end() && tag.name().equals("Override")) {
                        String type = tag.attribute("ContentType");
                        if (MAIN.equals(type) || MACRO_MAIN.equals(type)) {
                            workbooks.add(tag.attribute("PartName"));
                        } else if (SHARED_STRINGS.equals(type)) {
                            sharedStrings.add(tag.attribute("PartName"));
                        }
                    }
                });
        if (workbooks.size() > 1 || sharedStrings.size() > 1) {
            throw notAWorkbook("[Content_Types].xml names more than one workbook or shared-strings part", null);
        }
        String workbook = workbooks.isEmpty() || workbooks.get(0) == null ? "/xl/workbook.xml" : workbooks.get(0);

        String sheetId = firstSheetId(required(workbook, "no workbook part " + workbook));
        Matcher file = PART_FILE.matcher(workbook);
        String rels = file.find() ? file.replaceFirst("$1_rels/$2.rels") : workbook;
        if (!rels.contains("_rel")) {
            throw notAWorkbook("its workbook part " + workbook + " has no relationships part", null);
        }
        String relsFolder = rels.substring(0, rels.indexOf("_rel"));
        Map<String, String> targets = new HashMap<>();
        scan(required(rels, "no relationships part " + rels), PartScan.markup(this::tooLong), tag -> {
            if (!tag.end() && tag.name().equals("Relationship")) {
                String target = tag.attribute("Target");
                targets.put(tag.attribute("Id"), target == null || target.startsWith("/") ? target
                        : relsFolder + target);
            }
        });
        String sheet = targets.get(sheetId);
        if (sheet == null) {
            throw notAWorkbook("its first sheet (" + sheetId + ") has no part in " + rels, null);
        }

        long oversizedString = -1;
        ZipEntry strings = sharedStrings.isEmpty() || sharedStrings.get(0) == null ? null : find(sharedStrings.get(0));
        if (strings != null) {
            PartScan scan = PartScan.sharedStrings(limits, this::tooLong);
            scan(strings, FileLimits.Limit.SHARED_STRINGS_BYTES, limits.maxSharedStringsBytes(),
                    "the workbook's shared strings (" + strings.getName() + ")", scan, null, () -> 0);
            oversizedString = scan.firstOversizedString();
        }
        PartScan rows = PartScan.sheet(limits, hasHeader, oversizedString, this::tooLong);
        ZipEntry sheetPart = required(sheet, "no part " + sheet + " for its first sheet");
        scan(sheetPart, FileLimits.Limit.SHEET_BYTES, limits.maxSheetBytes(), "the workbook's sheet "
                + sheetPart.getName(), rows, null, rows::dataRowsDone);
        if (oversizedString >= 0) {
            throw new FileLimitException(FileLimits.Limit.CELL, limits.maxCellChars(), limits.maxCellChars() + 1L, -1,
                    String.format(Locale.ROOT, "shared string %,d of %s holds more than %s", oversizedString + 1,
                            strings.getName(), FileLimits.Limit.CELL.describe(limits.maxCellChars())));
        }
    }

    /** The relationship id of the workbook's first sheet, as fastexcel takes it (in the relationships namespace). */
    private String firstSheetId(ZipEntry workbook) throws IOException {
        Set<String> prefixes = new HashSet<>();
        List<String> ids = new ArrayList<>();
        boolean[] state = new boolean[2]; // in <sheets>, first <sheet> seen
        scan(workbook, PartScan.markup(this::tooLong), tag -> {
            if (tag.end()) {
                return;
            }
            prefixes.addAll(tag.prefixesOf(RELATIONSHIPS));
            if (tag.name().equals("sheets")) {
                state[0] = true;
            } else if (tag.name().equals("sheet") && state[0] && !state[1]) {
                state[1] = true;
                ids.addAll(tag.prefixedAttributes("id").entrySet().stream()
                        .filter(a -> prefixes.contains(a.getKey())).map(Map.Entry::getValue).toList());
            }
        });
        if (ids.size() != 1) {
            throw notAWorkbook(ids.isEmpty() ? "its workbook lists no sheet" : "its first sheet has two ids", null);
        }
        return ids.get(0);
    }

    private void scan(ZipEntry part, PartScan scan, Consumer<PartScan.Tag> tags) throws IOException {
        scan(part, FileLimits.Limit.SHEET_BYTES, limits.maxSheetBytes(), "the workbook's part " + part.getName(), scan,
                tags, () -> 0);
    }

    private void scan(ZipEntry part, FileLimits.Limit limit, long max, String what, PartScan scan,
                      Consumer<PartScan.Tag> tags, java.util.function.LongSupplier afterRow) throws IOException {
        if (part.getSize() > max) {
            throw new FileLimitException(limit, max, part.getSize(), -1,
                    what + " declares " + limit.describe(part.getSize()) + " decompressed, more than "
                            + limit.describe(max));
        }
        LimitedInputStream in = new LimitedInputStream(zip.getInputStream(part),
                new LimitedInputStream.Budget(limit, max, what), total);
        in.reportRowsFrom(afterRow);
        try (in) {
            scan.read(in, part.getName(), tags);
        } catch (ZipException e) {
            throw notAWorkbook(part.getName() + " cannot be inflated (" + e.getMessage() + ")", e);
        }
    }

    private InvalidTransactionFileException tooLong(String part) {
        return notAWorkbook(part + " holds a tag, comment or text outside a cell longer than "
                + FileLimits.Limit.DECOMPRESSED_BYTES.describe(MAX_MARKUP_BYTES), null);
    }

    private ZipEntry required(String name, String why) {
        ZipEntry entry = find(name);
        if (entry == null) {
            throw notAWorkbook(why, null);
        }
        return entry;
    }

    /** A part as fastexcel finds it: by its name without the leading slash, else the same name in another case. */
    private ZipEntry find(String name) {
        String wanted = name.startsWith("/") ? name.substring(1) : name;
        ZipEntry entry = zip.getEntry(wanted);
        if (entry != null) {
            return entry;
        }
        for (Enumeration<? extends ZipEntry> e = zip.entries(); e.hasMoreElements(); ) {
            ZipEntry candidate = e.nextElement();
            if (candidate.getName().equalsIgnoreCase(wanted)) {
                return candidate;
            }
        }
        return null;
    }

    /** Two parts of one name (in any case) could be read as either: this check and fastexcel might disagree. */
    private void requireDistinctNames() {
        Set<String> names = new HashSet<>();
        for (Enumeration<? extends ZipEntry> e = zip.entries(); e.hasMoreElements(); ) {
            String name = e.nextElement().getName();
            if (!names.add(name.toLowerCase(Locale.ROOT))) {
                throw notAWorkbook("two parts are named " + name, null);
            }
        }
    }

    /**
     * Reads the zip's end record, so that a directory listing more parts than a workbook has is refused before it is
     * read into memory.
     */
    private static void requireSmallDirectory(Path file) {
        try (RandomAccessFile in = new RandomAccessFile(file.toFile(), "r")) {
            long size = in.length();
            int tail = (int) Math.min(size, 22 + 65_535);
            byte[] end = new byte[tail];
            in.seek(size - tail);
            in.readFully(end);
            int at = -1;
            for (int i = tail - 22; i >= 0; i--) {
                if (end[i] == 'P' && end[i + 1] == 'K' && end[i + 2] == 5 && end[i + 3] == 6) {
                    at = i;
                    break;
                }
            }
            if (at < 0) {
                throw notAWorkbook("it starts like one (PK\\3\\4) but has no zip directory at its end: it is cut short,"
                        + " or not a workbook", null);
            }
            long parts = u16(end, at + 10);
            long directory = u32(end, at + 12);
            if ((parts == 0xFFFF || directory == 0xFFFFFFFFL) && at >= 20 && u32(end, at - 20) == 0x07064b50L) {
                long zip64End = u64(end, at - 12);
                byte[] record = new byte[56];
                if (zip64End >= 0 && zip64End + 56 <= size) {
                    in.seek(zip64End);
                    in.readFully(record);
                    if (u32(record, 0) == 0x06064b50L) {
                        parts = u64(record, 32);
                        directory = u64(record, 40);
                    }
                }
            }
            if (parts > MAX_PARTS || parts < 0 || directory > MAX_DIRECTORY_BYTES || directory < 0) {
                throw notAWorkbook(String.format(Locale.ROOT, "its zip directory lists %,d parts in %,d bytes, more"
                        + " than a workbook has (at most %,d parts)", parts, directory, MAX_PARTS), null);
            }
        } catch (IOException e) {
            throw new InvalidTransactionFileException("cannot read the workbook: " + e.getMessage(), e);
        }
    }

    private static long u16(byte[] b, int at) {
        return (b[at] & 0xff) | (b[at + 1] & 0xff) << 8;
    }

    private static long u32(byte[] b, int at) {
        return u16(b, at) | u16(b, at + 2) << 16;
    }

    private static long u64(byte[] b, int at) {
        return u32(b, at) | u32(b, at + 4) << 32;
    }

    /**
     * One XML part read byte by byte, holding only the first bytes of the current tag: the text of each cell
     * ({@code <c>}: its {@code <v>}, inline {@code <t>} and {@code <f>}), each row ({@code <row>}) and each shared
     * string ({@code <si>}, phonetic runs left out as fastexcel leaves them) is counted against the limits; tags,
     * comments and text outside cells against {@link #MAX_MARKUP_BYTES}.
     */
    static final class PartScan {

        private static final int CAPTURE = 2048;
        private static final Pattern ATTRIBUTE =
                Pattern.compile("([A-Za-z_][\\w.-]*:)?([A-Za-z_][\\w.-]*)\\s*=\\s*(\"([^\"]*)\"|'([^']*)')");

        /** A start or end tag as far as it was kept ({@value #CAPTURE} bytes): its local name and attributes. */
        record Tag(String name, boolean end, String text) {

            /** The first attribute of this local name, in any namespace (as StAX's {@code getAttributeValue(null, n)}). */
            String attribute(String localName) {
                Matcher m = ATTRIBUTE.matcher(text);
                while (m.find()) {
                    if (m.group(2).equals(localName)) {
                        return unescape(m.group(4) != null ? m.group(4) : m.group(5));
                    }
                }
                return null;
            }

            /** Attributes of this local name that carry a prefix: prefix to value. */
            Map<String, String> prefixedAttributes(String localName) {
                Map<String, String> found = new HashMap<>();
                Matcher m = ATTRIBUTE.matcher(text);
                while (m.find()) {
                    if (m.group(1) != null && m.group(2).equals(localName)) {
                        found.put(m.group(1).substring(0, m.group(1).length() - 1),
                                unescape(m.group(4) != null ? m.group(4) : m.group(5)));
                    }
                }
                return found;
            }

            /** The prefixes this tag declares for a namespace ({@code xmlns:r="..."}). */
            Set<String> prefixesOf(String namespace) {
                Set<String> found = new HashSet<>();
                Matcher m = ATTRIBUTE.matcher(text);
                while (m.find()) {
                    String value = m.group(4) != null ? m.group(4) : m.group(5);
                    if ("xmlns:".equals(m.group(1)) && namespace.equals(unescape(value))) {
                        found.add(m.group(2));
                    }
                }
                return found;
            }

            private static String unescape(String value) {
                return value.replace("&quot;", "\"").replace("&apos;", "'").replace("&lt;", "<").replace("&gt;", ">")
                        .replace("&amp;", "&");
            }
        }

        private enum State { TEXT, TAG, COMMENT, CDATA, INSTRUCTION }

        private enum Counting { NONE, VALUE, FORMULA }

        private final FileLimits limits;
        private final java.util.function.Function<String, InvalidTransactionFileException> tooLong;
        private final boolean sheet;
        private final boolean strings;
        private final int headerRows;
        private final long oversizedString;

        private String part;
        private State state = State.TEXT;
        private final byte[] capture = new byte[CAPTURE];
        private int captured;
        private long markupBytes;
        private int quote;
        private int last;
        private int beforeLast;
        private boolean entity;
        private int brackets;
        private int entityBytes;
        private long looseText;

        private Counting counting = Counting.NONE;
        private boolean inCell;
        private int cellColumn;
        private int valueEnd;
        private boolean sharedCell;
        private long sharedIndex;
        private long cellChars;
        private long formulaChars;
        private long rowChars;
        private int rowCells;
        private boolean rowHasContent;
        private long contentRows;

        private boolean inString;
        private boolean inPhonetic;
        private long stringChars;
        private long stringIndex = -1;
        private long firstOversizedString = -1;

        private PartScan(FileLimits limits, boolean sheet, boolean strings, boolean hasHeader, long oversizedString,
                         java.util.function.Function<String, InvalidTransactionFileException> tooLong) {
            this.limits = limits;
            this.sheet = sheet;
            this.strings = strings;
            this.headerRows = hasHeader ? 1 : 0;
            this.oversizedString = oversizedString;
            this.tooLong = tooLong;
        }

        /** A part whose text is all markup: content types, the workbook, relationships. */
        static PartScan markup(java.util.function.Function<String, InvalidTransactionFileException> tooLong) {
            return new PartScan(null, false, false, false, -1, tooLong);
        }

        /** The shared strings: each string within the cell limit, or remembered as over it. */
        static PartScan sharedStrings(FileLimits limits,
                                      java.util.function.Function<String, InvalidTransactionFileException> tooLong) {
            return new PartScan(limits, false, true, false, -1, tooLong);
        }

        /**
         * The sheet that is read: cells, rows, and the cells that use {@code oversizedString} (or -1).
         */
        static PartScan sheet(FileLimits limits, boolean hasHeader, long oversizedString,
                              java.util.function.Function<String, InvalidTransactionFileException> tooLong) {
            return new PartScan(limits, true, false, hasHeader, oversizedString, tooLong);
        }

        /** The first shared string (0-based) over the cell limit, or -1. */
        long firstOversizedString() {
            return firstOversizedString;
        }

        /** Data rows fully read so far. */
        long dataRowsDone() {
            return Math.max(0, contentRows - headerRows);
        }

        void read(InputStream in, String partName, Consumer<Tag> tags) throws IOException {
            this.part = partName;
            byte[] buffer = new byte[1 << 16];
            int n;
            while ((n = in.read(buffer)) > 0) {
                for (int i = 0; i < n; i++) {
                    take(buffer[i] & 0xff, tags);
                }
            }
        }

        private void take(int b, Consumer<Tag> tags) {
            switch (state) {
                case TEXT -> text(b);
                case TAG -> tag(b, tags);
                case COMMENT -> closing(b, last == '-' && beforeLast == '-' && b == '>');
                case INSTRUCTION -> closing(b, last == '?' && b == '>');
                case CDATA -> cdata(b);
            }
            beforeLast = last;
            last = b;
        }

        private void text(int b) {
            if (b == '<') {
                entity = false;
                state = State.TAG;
                captured = 0;
                markupBytes = 0;
                quote = 0;
                return;
            }
            if (entity) {
                entity = b != ';' && ++entityBytes < 12;
                return;
            }
            if (b == '&') {
                entity = true;
                entityBytes = 0;
            }
            character(b);
        }

        /** One byte of text: a character when it is not a UTF-8 continuation byte. */
        private void character(int b) {
            if ((b & 0xC0) == 0x80) {
                return;
            }
            boolean blank = b == ' ' || b == '\t' || b == '\n' || b == '\r';
            if (counting == Counting.VALUE && inCell) {
                cellChars++;
                rowChars++;
                if (sharedCell && b >= '0' && b <= '9' && sharedIndex < Integer.MAX_VALUE) {
                    sharedIndex = sharedIndex * 10 + (b - '0');
                }
                rowHasContent |= !blank;
                if (cellChars > limits.maxCellChars()) {
                    throw new FileLimitException(FileLimits.Limit.CELL, limits.maxCellChars(),
                            limits.maxCellChars() + 1L, currentRow(), FileLimits.rowName(currentRow()) + ", column "
                            + column() + ", holds more than " + FileLimits.Limit.CELL.describe(limits.maxCellChars()));
                }
                if (rowChars > limits.maxLineChars()) {
                    throw limits.lineTooLong(currentRow());
                }
            } else if (counting == Counting.FORMULA && inCell) {
                if (++formulaChars > limits.maxCellChars()) {
                    throw new FileLimitException(FileLimits.Limit.CELL, limits.maxCellChars(),
                            limits.maxCellChars() + 1L, currentRow(), FileLimits.rowName(currentRow()) + ", column "
                            + column() + ", has a formula of more than "
                            + FileLimits.Limit.CELL.describe(limits.maxCellChars()));
                }
            } else if (counting == Counting.VALUE && inString) {
                if (++stringChars > limits.maxCellChars() && firstOversizedString < 0) {
                    firstOversizedString = stringIndex;
                }
            } else if (++looseText > MAX_MARKUP_BYTES) {
                throw tooLong.apply(part);
            }
        }

        /** CDATA is text as it stands; a {@code ]} counts once it is known not to begin the closing {@code ]]>}. */
        private void cdata(int b) {
            if (b == ']') {
                if (brackets == 2) {
                    character(']');
                } else {
                    brackets++;
                }
            } else if (b == '>' && brackets == 2) {
                brackets = 0;
                state = State.TEXT;
            } else {
                for (; brackets > 0; brackets--) {
                    character(']');
                }
                character(b);
            }
        }

        private void tag(int b, Consumer<Tag> tags) {
            if (++markupBytes > MAX_MARKUP_BYTES) {
                throw tooLong.apply(part);
            }
            if (captured < CAPTURE) {
                capture[captured++] = (byte) b;
            }
            if (captured == 3 && capture[0] == '!' && capture[1] == '-' && capture[2] == '-') {
                state = State.COMMENT;
                last = 0;
                return;
            }
            if (captured == 8 && capture[0] == '!' && capture[1] == '[' && capture[2] == 'C' && capture[3] == 'D'
                    && capture[4] == 'A' && capture[5] == 'T' && capture[6] == 'A' && capture[7] == '[') {
                state = State.CDATA;
                brackets = 0;
                return;
            }
            if (captured == 1 && b == '?') {
                state = State.INSTRUCTION;
                return;
            }
            if (quote != 0) {
                quote = b == quote ? 0 : quote;
            } else if ((b == '"' || b == '\'') && capture[0] != '!') {
                quote = b;
            } else if (b == '>') {
                state = State.TEXT;
                looseText = 0;
                endOfTag(tags, last == '/');
            }
        }

        private void closing(int b, boolean closed) {
            if (++markupBytes > MAX_MARKUP_BYTES) {
                throw tooLong.apply(part);
            }
            if (closed) {
                state = State.TEXT;
            }
        }

        private void endOfTag(Consumer<Tag> tags, boolean slashBeforeEnd) {
            if (capture[0] == '!') {
                return; // a declaration, such as a DOCTYPE, which fastexcel's parser refuses anyway
            }
            int length = captured < CAPTURE ? captured - 1 : CAPTURE; // without '>'
            boolean end = length > 0 && capture[0] == '/';
            boolean selfClosing = !end && slashBeforeEnd;
            int from = end ? 1 : 0;
            int to = from;
            while (to < length && capture[to] != ' ' && capture[to] != '/' && capture[to] != '\t'
                    && capture[to] != '\n' && capture[to] != '\r') {
                if (capture[to] == ':') {
                    from = to + 1;
                }
                to++;
            }
            Element element = Element.of(capture, from, to);
            if (!end) {
                start(element, to, length);
            }
            if (end || selfClosing) {
                end(element);
            }
            if (tags != null) {
                tags.accept(new Tag(new String(capture, from, to - from, java.nio.charset.StandardCharsets.UTF_8), end,
                        new String(capture, to, Math.max(0, length - to), java.nio.charset.StandardCharsets.UTF_8)));
            }
        }

        /** The elements whose text is counted, told apart without making a string of every tag's name. */
        private enum Element {
            ROW, C, V, T, F, SI, RPH, OTHER;

            static Element of(byte[] name, int from, int to) {
                return switch (to - from) {
                    case 1 -> name[from] == 'c' ? C : name[from] == 'v' ? V : name[from] == 't' ? T
                            : name[from] == 'f' ? F : OTHER;
                    case 2 -> name[from] == 's' && name[from + 1] == 'i' ? SI : OTHER;
                    case 3 -> name[from] == 'r' && name[from + 1] == 'o' && name[from + 2] == 'w' ? ROW
                            : name[from] == 'r' && name[from + 1] == 'P' && name[from + 2] == 'h' ? RPH : OTHER;
                    default -> OTHER;
                };
            }
        }

        private void start(Element element, int attributesFrom, int attributesTo) {
            switch (element) {
                case ROW -> {
                    if (sheet) {
                        rowChars = 0;
                        rowCells = 0;
                        rowHasContent = false;
                    }
                }
                case C -> {
                    if (sheet) {
                        startCell(attributesFrom, attributesTo);
                    }
                }
                case V -> counting = inCell ? Counting.VALUE : Counting.NONE;
                case F -> counting = inCell ? Counting.FORMULA : Counting.NONE;
                case T -> counting = inCell || inString && !inPhonetic ? Counting.VALUE : Counting.NONE;
                case SI -> {
                    if (strings) {
                        inString = true;
                        stringChars = 0;
                        stringIndex++;
                    }
                }
                case RPH -> inPhonetic = true;
                case OTHER -> counting = Counting.NONE;
            }
        }

        private void startCell(int attributesFrom, int attributesTo) {
            inCell = true;
            cellChars = 0;
            formulaChars = 0;
            sharedIndex = 0;
            int type = attribute('t', attributesFrom, attributesTo);
            sharedCell = type >= 0 && valueEnd == type + 1 && capture[type] == 's';
            if (++rowCells > MAX_COLUMNS) {
                throw notAWorkbook(String.format(Locale.ROOT, "%s has more than %,d cells in a row (near %s), more "
                        + "than a worksheet holds", part, MAX_COLUMNS, FileLimits.rowName(currentRow())), null);
            }
            int reference = attribute('r', attributesFrom, attributesTo);
            cellColumn = 0;
            for (int i = reference; i >= 0 && i < valueEnd && Character.isLetter(capture[i]); i++) {
                cellColumn = cellColumn * 26 + (Character.toUpperCase(capture[i]) - 'A' + 1);
                if (cellColumn > MAX_COLUMNS) {
                    throw notAWorkbook("cell " + new String(capture, reference, valueEnd - reference,
                            java.nio.charset.StandardCharsets.UTF_8) + " of " + part + " lies beyond column XFD, the "
                            + "last a worksheet has", null);
                }
            }
        }

        /**
         * Where the value of a one-letter attribute starts in the tag kept, its end in {@link #valueEnd}; -1 when the
         * tag has no such attribute. Prefixes are ignored, as fastexcel's parser reads these attributes.
         */
        private int attribute(char localName, int from, int to) {
            int i = from;
            while (i < to) {
                while (i < to && (capture[i] == ' ' || capture[i] == '\t' || capture[i] == '\n' || capture[i] == '\r'
                        || capture[i] == '/')) {
                    i++;
                }
                int nameFrom = i;
                while (i < to && capture[i] != '=' && capture[i] != ' ') {
                    if (capture[i] == ':') {
                        nameFrom = i + 1;
                    }
                    i++;
                }
                boolean wanted = i - nameFrom == 1 && capture[nameFrom] == localName;
                while (i < to && capture[i] != '"' && capture[i] != '\'') {
                    i++;
                }
                if (i >= to) {
                    return -1;
                }
                byte quoteMark = capture[i++];
                int valueFrom = i;
                while (i < to && capture[i] != quoteMark) {
                    i++;
                }
                if (wanted) {
                    valueEnd = i;
                    return valueFrom;
                }
                i++;
            }
            return -1;
        }

        /** The cell's column as the message names it: its letters, or its place in the row without a reference. */
        private String column() {
            if (cellColumn == 0) {
                return String.valueOf(rowCells);
            }
            StringBuilder letters = new StringBuilder();
            for (int n = cellColumn; n > 0; n = (n - 1) / 26) {
                letters.insert(0, (char) ('A' + (n - 1) % 26));
            }
            return letters.toString();
        }

        private void end(Element element) {
            switch (element) {
                case V, T, F -> counting = Counting.NONE;
                case C -> {
                    if (sheet && sharedCell && oversizedString >= 0 && sharedIndex == oversizedString) {
                        throw new FileLimitException(FileLimits.Limit.CELL, limits.maxCellChars(),
                                limits.maxCellChars() + 1L, currentRow(), FileLimits.rowName(currentRow())
                                + ", column " + column() + ", holds more than "
                                + FileLimits.Limit.CELL.describe(limits.maxCellChars()));
                    }
                    inCell = false;
                    counting = Counting.NONE;
                }
                case ROW -> {
                    if (sheet && rowHasContent) {
                        contentRows++;
                    }
                }
                case SI -> {
                    if (inString && stringChars > limits.maxCellChars() && firstOversizedString < 0) {
                        firstOversizedString = stringIndex;
                    }
                    inString = false;
                }
                case RPH -> inPhonetic = false;
                case OTHER -> {
                }
            }
        }

        /** The data row being read: the header is 0. */
        private long currentRow() {
            return Math.max(0, contentRows + 1 - headerRows);
        }
    }
}
