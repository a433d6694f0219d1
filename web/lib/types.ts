/**
 * The gateway's answers that its OpenAPI document leaves free-form (a JsonNode, or no schema at all), as the web app
 * reads them; hand-written for that reason. Every other answer's type comes from the document (lib/api/schema.d.ts)
 * and is named in the data module of its resource. Property names are snake_case, as on the wire.
 */

/** One customer (GET /customers/{id}): features from the feature service and the latest scores. */
export interface Customer {
  customer_id: string;
  features: Record<string, number> | null;
  as_of: string | null;
  scores: {
    segment_id: number | null; persona: string | null; churn_probability: number | null;
    predicted_ltv: number | null; churn_version: string | null; ltv_version: string | null;
    segment_version: string | null; complete: boolean;
  } | null;
  expected_loss?: number | null;
}

/** One line of a customer's purchase history (GET /customers/{id}/transactions). */
export interface PurchaseLine {
  transaction_id: string;
  invoice: string;
  stock_code: string;
  description: string;
  quantity: number;
  unit_price: number;
  amount: number;
  timestamp: string;
  country: string;
  cancellation: boolean;
}

/** What drives one customer's churn probability: each feature's push on the log-odds, the strongest first. */
export interface ChurnExplanation {
  customer_id: string;
  churn_probability: number;
  baseline_log_odds: number;
  drivers: { feature: string; value: number; effect: number }[];
  model_version: string;
}

/** A file's ingest report (GET /files): rows read, kept, rejected by reason, and the mapping it was read with. */
export interface FileReport {
  file_id: string;
  status: string;
  rows_read: number;
  rows_kept: number;
  rejected: Record<string, number>;
  as_of: string | null;
  completed_at: string | null;
  error: string | null;
  columns?: Record<string, string> | null;
}

/** The first rows of a file as a column mapping reads them (POST /files/preview). */
export interface FilePreview {
  header: string[];
  columns: Record<string, string>;
  rows: Record<string, string>[];
}

/** The active churn model's out-of-time evaluation (GET /models/churn/evaluation). */
export interface ChurnEvaluation {
  roc: number[][];
  calibration: { predicted: number; observed: number; customers: number }[];
}

/** The active LTV model's out-of-time evaluation (GET /models/ltv/evaluation). */
export interface LtvEvaluation {
  deciles: { decile: number; mean_predicted: number; mean_actual: number }[];
}
