package com.csr.domain.transactions;

/** The container of a transaction file, recognised from its first bytes rather than its name. */
public enum FileFormat {
    TEXT, GZIP_TEXT, XLSX;

    static FileFormat sniff(byte[] head, int length) {
        if (length >= 2 && (head[0] & 0xff) == 0x1f && (head[1] & 0xff) == 0x8b) {
            return GZIP_TEXT;
        }
        if (length >= 4 && head[0] == 'P' && head[1] == 'K' && head[2] == 3 && head[3] == 4) {
            return XLSX;
        }
        return TEXT;
    }
}
