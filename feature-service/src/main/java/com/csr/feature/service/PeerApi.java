package com.csr.feature.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.csr.kit.web.PeerCredential;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

/**
 * Another instance of this service, asked for what only it holds. Every call carries the peer key and the tenant it
 * asks for ({@link PeerCredential}; without a peer key set, the caller's own key, which the peer checks as it checks
 * any request) and {@link Peers#OWN_PARTITIONS}, so the peer answers from the partitions it
 * runs active and never asks on in turn; a tenant-wide answer names those partitions ({@link OwnPartitions}).
 */
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
public interface PeerApi {

    @GET
    @Path("customers/{id}/features")
    JsonNode features(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
                      @HeaderParam(PeerCredential.TENANT_HEADER) String tenant,
                      @HeaderParam(Peers.OWN_PARTITIONS) String ownPartitions, @PathParam("id") String customerId,
                      @QueryParam("as_of") String asOf);

    @GET
    @Path("customers/{id}/transactions")
    JsonNode transactions(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
                      @HeaderParam(PeerCredential.TENANT_HEADER) String tenant,
                          @HeaderParam(Peers.OWN_PARTITIONS) String ownPartitions, @PathParam("id") String customerId);

    @GET
    @Path("tenants/current/clock")
    OwnPartitions.Clock clock(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
                      @HeaderParam(PeerCredential.TENANT_HEADER) String tenant,
                              @HeaderParam(Peers.OWN_PARTITIONS) String ownPartitions);

    @GET
    @Path("tenants/current/histories")
    OwnPartitions.Histories histories(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
                      @HeaderParam(PeerCredential.TENANT_HEADER) String tenant,
                                      @HeaderParam(Peers.OWN_PARTITIONS) String ownPartitions);
}
