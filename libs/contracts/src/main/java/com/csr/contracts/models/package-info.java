/**
 * What the model services are asked and answer over HTTP: the prediction request (one customer or many, by id or
 * with features) and each kind's prediction, as records any caller can read them into.
 */
package com.csr.contracts.models;
