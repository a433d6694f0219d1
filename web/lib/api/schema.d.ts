/**
 * Generated from the gateway's OpenAPI document (gateway/target/openapi/openapi.json, written by the gateway's Maven
 * build) by openapi-typescript 7.13.0. Do not edit: regenerate with `npm run api:types` in web/;
 * `npm run api:check` fails when this file is not what the document gives.
 */

export interface paths {
    "/admin/tenants": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Every tenant */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["TenantView"][];
                    };
                };
            };
        };
        put?: never;
        /** Create a tenant ({"tenant_id": "...", "currency": "EUR"}, the currency optional); the answer holds its first API key, shown once */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["JsonNode"];
                };
            };
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": unknown;
                    };
                };
                /** @description Bad Request */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/tenants/{tenantId}/keys": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Issue a tenant another API key, shown once ({"label": ..., "expires_at": ..., "scopes": [...]}; every scope unless named) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    tenantId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["KeyRequest"];
                };
            };
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": unknown;
                    };
                };
                /** @description Bad Request */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/column-mapping": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The column mapping of the tenant's latest upload that had one (404 when none did): send its columns with the next upload of the same export */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["SavedMapping"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/customers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The tenant's customers, by expected loss (or another sort), filtered, paged */
        get: {
            parameters: {
                query?: {
                    page?: number;
                    persona?: string;
                    risk_band?: string;
                    size?: number;
                    sort?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["PageCustomerRow"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/customers/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One customer: features from the feature service and the latest scores */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["JsonNode"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/customers/{id}/churn-drivers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** What drives one customer's churn probability: each feature's push on the log-odds of churning, the strongest first, from the customer's current features and the active churn model */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["JsonNode"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/customers/{id}/transactions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One customer's purchase history, as the feature service keeps it */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["JsonNode"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/files": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The tenant's ingest reports, oldest first */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["JsonNode"];
                    };
                };
            };
        };
        put?: never;
        /** Upload a transaction file (CSV, gzip CSV or XLSX; optional columns, as_of, file_id); it is ingested in the background: 202 with the file id and a Location to follow its report */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "multipart/form-data": {
                        /** Format: binary */
                        file?: string;
                        columns?: string;
                        as_of?: string;
                        file_id?: string;
                    };
                };
            };
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": unknown;
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/files/preview": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** The first rows of a transaction file as a column mapping reads them (columns: customer=..,date=.. or the JSON document {"customer_id": .., "order_datetime": .., "order_total": ..}); nothing is ingested */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "multipart/form-data": {
                        /** Format: binary */
                        file?: string;
                        columns?: string;
                        rows?: string;
                    };
                };
            };
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["JsonNode"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/files/{fileId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A file's ingest report (rows read, kept, rejected by reason), once it is ingested; 404 before then */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    fileId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["JsonNode"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/health": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Readiness of every service (looked at once every 2 s at most) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["JsonNode"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/keys": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The tenant's API keys, oldest first: ids, labels, dates; never secrets */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["KeyView"][];
                    };
                };
            };
        };
        put?: never;
        /** Issue another key ({"label": ..., "expires_at": ..., "scopes": ["read", "write", "admin"]}); its secret is in this answer only. Scopes default to this key's own, and expiry to this key's own; a key cannot issue one with more scopes or a later expiry than itself */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["KeyRequest"];
                };
            };
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": unknown;
                    };
                };
                /** @description Bad Request */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/keys/{keyId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Revoke a key: requests bearing it are refused from now on (other services: within 5 s) */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    keyId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["KeyView"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/metrics": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The latest metrics of the model of each kind serving the tenant, as the original's /metrics gave them (the services' Prometheus metrics are on /q/metrics) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["LatestMetrics"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/models": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The tenant's trainings, newest first: per kind what became of its model (active, registered with why, retired, failed), its metrics, and the data files it was cut from; the 50 newest, or ?limit= up to 500 */
        get: {
            parameters: {
                query?: {
                    limit?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["TrainingView"][];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/models/active": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The active model of each kind: version, trained-at, metrics (null for a kind with none, or whose service does not answer) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            [key: string]: components["schemas"]["ModelCard"];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/models/{kind}/evaluation": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The active model's out-of-time evaluation curves: ROC and calibration (churn), deciles of predicted against actual spend (ltv) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    kind: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["JsonNode"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/models/{kind}/rollback": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Make an earlier version of a model kind the active one again ({"version": "..."}) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    kind: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["JsonNode"];
                };
            };
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ModelVersion"];
                    };
                };
                /** @description Bad Request */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/models/{kind}/versions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Every version of a model kind, newest first: status (active, registered, retired), why one was not promoted, metrics, the training run that made it */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    kind: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["VersionView"][];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/models/{kind}/versions/{version}/artifacts/{name}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One file of a version's model, as its run stored it (checked against its manifest) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    kind: string;
                    name: string;
                    version: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/octet-stream": unknown;
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/models/{kind}/versions/{version}/run": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The training run that made a version: its parameters, metrics and files (the tenant's own run; the platform's MLflow UI is for operators) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    kind: string;
                    version: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["RunView"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/models/{modelId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One training: per kind what became of its model, its metrics, its data files */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    modelId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["TrainingView"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/models/{modelId}/default": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Make a training's models the serving ones (each kind it trained: a rollback to it) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    modelId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["TrainingView"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/overview": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The portfolio at a glance: customers, revenue, risk bands, predicted LTV, value at risk, expected loss, the latest as-of date and the last training */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Overview"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/plan": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Spend a retention budget: selected customers and expected revenue saved */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["PlanRequest"];
                };
            };
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["PlanResponse"];
                    };
                };
                /** @description Bad Request */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/predict": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Score one customer with all three models: from the features sent, or from the customer's current features when only customer_id is sent; model_id pins one training's versions */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["PredictRequest"];
                };
            };
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["PredictResponse"];
                    };
                };
                /** @description Bad Request */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/predictions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The tenant's batch predictions, newest first: status, progress, the CSV when finished; the 50 newest, or ?limit= up to 500 */
        get: {
            parameters: {
                query?: {
                    limit?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["PredictionJobView"][];
                    };
                };
            };
        };
        put?: never;
        /** Start a batch prediction: {} scores every customer, {"customer_ids": [...]} those; "model_id" pins one training's versions */
        post: {
            parameters: {
                query?: {
                    model_id?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "text/csv": string;
                    "text/plain": string;
                    "application/json": components["schemas"]["JsonNode"];
                };
            };
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": unknown;
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/predictions/{jobId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One batch prediction: status and progress */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    jobId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["PredictionJobView"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/predictions/{jobId}/csv": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A finished batch prediction's CSV, one row per customer: a redirect to a link valid for 15 minutes when the artifacts are in S3/B2, else the file itself */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    jobId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "text/csv": unknown;
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/report": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The strategic report: data quality, personas, models, value at risk and the plan a budget buys. format=md (the default), html or pdf, else as the Accept header asks; html and pdf come as downloads */
        get: {
            parameters: {
                query?: {
                    budget?: number;
                    format?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "text/markdown": unknown;
                        "text/html": unknown;
                        "application/pdf": unknown;
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/segments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Persona sizes, profiles and revenue share */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["SegmentView"][];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/sessions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Start a web session: a new key of this tenant with this key's scopes, expiring after csr.gateway.sessions.max-age (12 h) or when this key does, whichever is first; its secret is in this answer only */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": unknown;
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/sessions/current": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** End the web session this request's key is: the key is revoked, for good */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": unknown;
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/tenant": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The tenant: its id, its currency (null: the gateway's default, which GET /overview names) and when it was created */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["TenantView"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Change the tenant's currency ({"currency": "EUR"}, an ISO 4217 code; null for the gateway's default) */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["JsonNode"];
                };
            };
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["TenantView"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/tenant/notifications": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Where the tenant is told that a training or a batch prediction job ended: an e-mail address, a webhook (with the secret its posts are signed with), both or neither */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["NotificationsView"];
                    };
                };
            };
        };
        /** Set where the tenant is notified from now on: {"email": .., "webhook_url": .., "rotate_secret": false}. A new webhook URL gets a new signing secret (whsec_..., Standard Webhooks); the same URL keeps its secret unless rotate_secret */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["JsonNode"];
                };
            };
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["NotificationsView"];
                    };
                };
                /** @description Bad Request */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        post?: never;
        /** Stop notifying the tenant */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": unknown;
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/tenant/notifications/test": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Send a test notice now to each channel set, once; answers what became of each (e-mail sent, webhook's HTTP status), within the webhook deadline; one test every few seconds (429 with Retry-After before) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            [key: string]: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/train": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Cut a training set as of a date (default: the latest data) and train every model on it; a tenant with a training in progress is answered 429 until it has ended */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["JsonNode"];
                };
            };
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": unknown;
                    };
                };
                /** @description Bad Request */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/train/{datasetId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** How training on a training set went, per model kind: training, active, not promoted (with why), or failed (with why) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    datasetId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["TrainingProgress"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        Action: {
            name?: string;
            /** Format: double */
            cost?: number;
            /** Format: double */
            acceptance_rate?: number;
        };
        Artifact: {
            name?: string;
            sha256?: string;
            download?: string;
        };
        BandShare: {
            /** Format: int32 */
            customers?: number;
            /** Format: double */
            share?: number;
        };
        Churn: {
            available?: boolean;
            /** Format: double */
            probability?: number;
            risk_band?: string;
            model?: string;
            model_version?: string;
            reason?: string;
        };
        CustomerRow: {
            customer_id?: string;
            persona?: string;
            /** Format: int32 */
            segment_id?: number;
            /** Format: double */
            churn_probability?: number;
            risk_band?: string;
            /** Format: double */
            predicted_ltv?: number;
            /** Format: double */
            expected_loss?: number;
            recommended_action?: string;
        };
        DataFile: {
            file_id?: string;
            name?: string;
            received_at?: components["schemas"]["Instant"];
            columns?: {
                [key: string]: string;
            };
        };
        /**
         * Format: date-time
         * @example 2022-03-10T16:15:50Z
         */
        Instant: string;
        JsonNode: {
            empty?: boolean;
            value_node?: boolean;
            container_node?: boolean;
            missing_node?: boolean;
            array?: boolean;
            object?: boolean;
            node_type?: components["schemas"]["JsonNodeType"];
            pojo?: boolean;
            number?: boolean;
            integral_number?: boolean;
            floating_point_number?: boolean;
            short?: boolean;
            int?: boolean;
            long?: boolean;
            float?: boolean;
            double?: boolean;
            big_decimal?: boolean;
            big_integer?: boolean;
            textual?: boolean;
            boolean?: boolean;
            null?: boolean;
            binary?: boolean;
        };
        /** @enum {string} */
        JsonNodeType: "ARRAY" | "BINARY" | "BOOLEAN" | "MISSING" | "NULL" | "NUMBER" | "OBJECT" | "POJO" | "STRING";
        KeyRequest: {
            label?: string;
            expires_at?: components["schemas"]["Instant"];
            scopes?: string[];
        };
        KeyView: {
            key_id?: string;
            label?: string;
            created_at?: components["schemas"]["Instant"];
            expires_at?: components["schemas"]["Instant"];
            revoked_at?: components["schemas"]["Instant"];
            scopes?: string[];
            secret?: string;
        };
        LastTraining: {
            dataset_id?: string;
            kind?: string;
            status?: string;
            started_at?: components["schemas"]["Instant"];
            finished_at?: components["schemas"]["Instant"];
        };
        Latest: {
            version?: string;
            trained_at?: string;
            metrics?: {
                [key: string]: unknown;
            };
        };
        LatestMetrics: {
            tenant_id?: string;
            models?: {
                [key: string]: components["schemas"]["Latest"];
            };
        };
        Ltv: {
            available?: boolean;
            /** Format: double */
            value?: number;
            /** Format: int32 */
            horizon_days?: number;
            model_version?: string;
            reason?: string;
        };
        Model: {
            status?: string;
            reason?: string;
            metrics?: {
                [key: string]: number;
            };
        };
        ModelCard: {
            kind?: string;
            version?: string;
            trained_at?: string;
            dataset_id?: string;
            metrics?: {
                [key: string]: unknown;
            };
        };
        ModelVersion: {
            tenant_id?: string;
            model_kind?: string;
            version?: string;
            artifact_uri?: string;
            sha256?: string;
            metrics?: {
                [key: string]: number;
            };
            created_at?: components["schemas"]["Instant"];
            status?: string;
            reason?: string;
        };
        NotificationsView: {
            email?: string;
            webhook_url?: string;
            webhook_secret?: string;
            since?: components["schemas"]["Instant"];
            mail_enabled?: boolean;
        };
        Overview: {
            /** Format: int32 */
            customers?: number;
            /** Format: double */
            revenue?: number;
            risk_bands?: {
                [key: string]: components["schemas"]["BandShare"];
            };
            /** Format: double */
            predicted_ltv?: number;
            /** Format: double */
            predicted_ltv_at_risk?: number;
            /** Format: double */
            expected_loss?: number;
            currency?: string;
            as_of?: string;
            last_training?: components["schemas"]["LastTraining"];
        };
        PageCustomerRow: {
            items?: components["schemas"]["CustomerRow"][];
            /** Format: int32 */
            page?: number;
            /** Format: int32 */
            size?: number;
            /** Format: int64 */
            total?: number;
        };
        PersonaTotals: {
            /** Format: int32 */
            customers?: number;
            /** Format: int32 */
            selected?: number;
            /** Format: double */
            cost?: number;
            /** Format: double */
            expected_revenue_saved?: number;
            action?: string;
            /** Format: double */
            action_cost?: number;
        };
        PlanRequest: {
            /** Format: double */
            budget?: number;
            action_costs?: {
                [key: string]: number;
            };
        };
        PlanResponse: {
            /** Format: double */
            budget?: number;
            /** Format: double */
            cost?: number;
            /** Format: int64 */
            customers_selected?: number;
            /** Format: double */
            expected_revenue_saved?: number;
            by_persona?: {
                [key: string]: components["schemas"]["PersonaTotals"];
            };
            selected?: components["schemas"]["Selected"][];
        };
        PredictRequest: {
            customer_id?: components["schemas"]["JsonNode"];
            features?: {
                [key: string]: unknown;
            };
            model_id?: string;
        };
        PredictResponse: {
            customer_id?: string;
            segment?: components["schemas"]["Segment"];
            churn?: components["schemas"]["Churn"];
            ltv?: components["schemas"]["Ltv"];
            /** Format: double */
            expected_loss?: number;
            recommended_action?: components["schemas"]["Action"];
        };
        PredictionJobView: {
            job_id?: string;
            status?: string;
            scope?: string;
            model_id?: string;
            /** Format: int32 */
            total?: number;
            /** Format: int32 */
            done?: number;
            /** Format: double */
            progress?: number;
            created_at?: components["schemas"]["Instant"];
            finished_at?: components["schemas"]["Instant"];
            error?: string;
            csv?: string;
        };
        RunView: {
            model_kind?: string;
            version?: string;
            status?: string;
            started_at?: components["schemas"]["Instant"];
            finished_at?: components["schemas"]["Instant"];
            params?: {
                [key: string]: string;
            };
            metrics?: {
                [key: string]: number;
            };
            error?: string;
            tracking_run_id?: string;
            artifacts?: components["schemas"]["Artifact"][];
        };
        SavedMapping: {
            file_id?: string;
            name?: string;
            received_at?: components["schemas"]["Instant"];
            columns?: {
                [key: string]: string;
            };
        };
        Segment: {
            available?: boolean;
            /** Format: int32 */
            id?: number;
            persona?: string;
            model_version?: string;
            reason?: string;
        };
        SegmentView: {
            /** Format: int32 */
            id?: number;
            persona?: string;
            description?: string;
            /** Format: int32 */
            customers?: number;
            /** Format: double */
            share?: number;
            /** Format: double */
            revenue_share?: number;
            /** Format: double */
            mean_recency_days?: number;
            /** Format: double */
            mean_frequency?: number;
            /** Format: double */
            mean_monetary?: number;
            /** Format: double */
            mean_churn_probability?: number;
            /** Format: double */
            mean_predicted_ltv?: number;
            recommended_action?: string;
        };
        Selected: {
            customer_id?: string;
            persona?: string;
            action?: string;
            /** Format: double */
            cost?: number;
            /** Format: double */
            expected_loss?: number;
            /** Format: double */
            expected_saved?: number;
        };
        TenantView: {
            tenant_id?: string;
            currency?: string;
            created_at?: components["schemas"]["Instant"];
            api_key?: components["schemas"]["KeyView"];
        };
        TrainingProgress: {
            dataset_id?: string;
            models?: {
                [key: string]: string;
            };
            reasons?: {
                [key: string]: string;
            };
            status?: string;
        };
        TrainingView: {
            model_id?: string;
            started_at?: components["schemas"]["Instant"];
            finished_at?: components["schemas"]["Instant"];
            as_of?: string;
            status?: string;
            is_default?: boolean;
            models?: {
                [key: string]: components["schemas"]["Model"];
            };
            data_files?: components["schemas"]["DataFile"][];
        };
        VersionView: {
            model_kind?: string;
            version?: string;
            status?: string;
            reason?: string;
            metrics?: {
                [key: string]: number;
            };
            created_at?: components["schemas"]["Instant"];
            artifact_uri?: string;
            sha256?: string;
            tracking_run_id?: string;
            run?: string;
        };
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export type operations = Record<string, never>;
