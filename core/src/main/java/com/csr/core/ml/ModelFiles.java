package com.csr.core.ml;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.tribuo.Model;
import org.tribuo.Output;

/** Saves and loads Tribuo models as protobuf files, never leaving a half-written file under the final name. */
public final class ModelFiles {

    private ModelFiles() {
    }

    public static void save(Model<?> model, Path file) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Path partial = file.resolveSibling(file.getFileName() + ".partial");
            model.serializeToFile(partial);
            Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot save model to " + file, e);
        }
    }

    /**
     * Loads a model and checks the kind of output it predicts.
     *
     * @throws IllegalArgumentException if the file holds a model of another kind
     */
    public static <T extends Output<T>> Model<T> load(Path file, Class<T> outputType) {
        try {
            Model<?> model = Model.deserializeFromFile(file);
            return model.castModel(outputType);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load model from " + file, e);
        } catch (ClassCastException e) {
            throw new IllegalArgumentException(file + " does not hold a model of " + outputType.getSimpleName(), e);
        }
    }
}
