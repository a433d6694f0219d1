package com.csr.feature.rest;

import com.csr.contracts.events.TrainingDataset;
import com.csr.feature.service.TrainingSets;
import com.csr.kit.web.CurrentCaller;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Point-in-time training sets of the tenant's customers, for the model services to train on. */
@Path("/training-sets")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "training sets")
public class TrainingSetResource {

    @Inject
    CurrentCaller caller;
    @Inject
    TrainingSets trainingSets;

    /**
     * What to build.
     *
     * @param asOf        the as-of date, YYYY-MM-DD (default: the tenant's data clock)
     * @param horizonDays the label horizon in days (default 90)
     */
    public record TrainingSetRequest(String asOf, Integer horizonDays) {
    }

    /**
     * What was built.
     *
     * @param datasetId the training set's id
     * @param uri       where it is
     * @param customers customers scored as of the as-of date
     */
    public record TrainingSetCreated(String datasetId, String uri, int customers) {
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Build a training set, write it to the artifact store and announce it on training.datasets")
    public Response create(TrainingSetRequest request) {
        TrainingSetRequest wanted = request == null ? new TrainingSetRequest(null, null) : request;
        TrainingDataset dataset = trainingSets.create(caller.get(), Dates.optional("as_of", wanted.asOf()),
                wanted.horizonDays());
        return Response.accepted(new TrainingSetCreated(dataset.datasetId(), dataset.uri(), dataset.customers()))
                .build();
    }
}
