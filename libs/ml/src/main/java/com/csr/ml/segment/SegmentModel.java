package com.csr.ml.segment;

import com.csr.domain.features.CustomerFeatures;
import com.csr.domain.persona.Persona;
import com.csr.ml.tribuo.FeatureEncoding;
import com.csr.ml.tribuo.ModelFiles;
import com.csr.ml.tribuo.TribuoData;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tribuo.Model;
import org.tribuo.Prediction;
import org.tribuo.clustering.ClusterID;
import org.tribuo.clustering.ClusteringFactory;

/** A trained K-Means segmentation: assigns customers to personas. Saved as a Tribuo model plus its persona names. */
public final class SegmentModel {

    public static final String MODEL_FILE = "segment-model.tribuo";
    public static final String PERSONAS_FILE = "segment-personas.json";

    private final Model<ClusterID> model;
    private final Map<Integer, Persona> personaOfCluster;

    SegmentModel(Model<ClusterID> model, Map<Integer, Persona> personaOfCluster) {
        this.model = model;
        this.personaOfCluster = Map.copyOf(personaOfCluster);
    }

    /** The persona of one customer. */
    public Persona persona(CustomerFeatures features) {
        return personaOf(model.predict(FeatureEncoding.RFM.example(features, ClusteringFactory.UNASSIGNED_CLUSTER_ID)));
    }

    /** The personas of many customers, in order. */
    public List<Persona> personas(List<CustomerFeatures> customers) {
        return model.predict(TribuoData.examples(FeatureEncoding.RFM, customers,
                ClusteringFactory.UNASSIGNED_CLUSTER_ID)).stream().map(this::personaOf).toList();
    }

    private Persona personaOf(Prediction<ClusterID> prediction) {
        return personaOfCluster.get(prediction.getOutput().getID());
    }

    public int segments() {
        return personaOfCluster.size();
    }

    public Model<ClusterID> tribuoModel() {
        return model;
    }

    public void save(Path directory) {
        ModelFiles.save(model, directory.resolve(MODEL_FILE));
        Map<String, String> names = new LinkedHashMap<>();
        personaOfCluster.forEach((cluster, persona) -> names.put(String.valueOf(cluster), persona.code()));
        ModelFiles.saveCard(names, directory.resolve(PERSONAS_FILE));
    }

    public static SegmentModel load(Path directory) {
        Model<ClusterID> model = ModelFiles.load(directory.resolve(MODEL_FILE), ClusterID.class);
        Map<Integer, Persona> personas = new LinkedHashMap<>();
        ModelFiles.loadCard(directory.resolve(PERSONAS_FILE))
                .forEach((cluster, code) -> personas.put(Integer.parseInt(cluster), Persona.of(String.valueOf(code))));
        return new SegmentModel(model, personas);
    }
}
