package com.csr.gateway.files;

import com.csr.contracts.problems.NotFoundException;
import com.csr.platform.metadata.FileRecord;
import com.csr.platform.metadata.MetadataStore;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Comparator;

/**
 * The column mappings a tenant's files were read with, kept with each file, so the next upload of the same export
 * (the one a retrain is fed with) can be read the same way.
 */
@ApplicationScoped
public class SavedMappings {

    private final MetadataStore metadata;

    public SavedMappings(MetadataStore metadata) {
        this.metadata = metadata;
    }

    /**
     * The mapping of the tenant's latest upload read with one.
     *
     * @throws NotFoundException when no upload of the tenant had a mapping
     */
    public SavedMapping latest(String tenantId) {
        return metadata.files(tenantId).stream().filter(f -> f.columns() != null)
                .max(Comparator.comparing(FileRecord::receivedAt))
                .map(f -> new SavedMapping(f.fileId(), f.name(), f.receivedAt(), f.columns()))
                .orElseThrow(() -> new NotFoundException("no file of this tenant was uploaded with a column mapping; "
                        + "files whose header names the columns need none"));
    }
}
