package com.csr.ml.tribuo;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import org.tribuo.Model;
import org.tribuo.Output;

/**
 * Saves and loads Tribuo models as protobuf files, never leaving a half-written file under the final name, and the
 * JSON cards beside them.
 */
public final class ModelFiles {

    private static final ObjectMapper JSON = new ObjectMapper();

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

    /** Writes the small JSON card that travels beside a model (names, calibration, ...). */
    public static void saveCard(Map<String, ?> card, Path file) {
        try {
            JSON.writerWithDefaultPrettyPrinter().writeValue(file.toFile(), card);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot save model card to " + file, e);
        }
    }

    /**
     * Reads a model card.
     *
     * @throws IllegalArgumentException when it is missing or not a JSON object
     */
    public static Map<String, Object> loadCard(Path file) {
        try {
            return JSON.readValue(file.toFile(), new TypeReference<Map<String, Object>>() { });
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read model card " + file + ": " + e.getMessage(), e);
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
