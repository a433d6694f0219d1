package com.csr.cli.pipeline;

/** Where a long run reports what it is doing. */
public interface Progress {

    /** Says nothing. */
    Progress SILENT = new Progress() {
        @Override
        public void stage(String description) {
        }

        @Override
        public void rowsRead(long rows) {
        }
    };

    /** A new stage begins. */
    void stage(String description);

    /** Rows read so far in the current file, called every so often. */
    void rowsRead(long rows);
}
