/** The gateway's answers, as the web app reads them (snake_case, as on the wire). */

export interface Segment {
  id: number;
  persona: string;
  description: string;
  customers: number;
  share: number;
  revenue_share: number;
  mean_recency_days: number;
  mean_frequency: number;
  mean_monetary: number;
  mean_churn_probability: number | null;
  mean_predicted_ltv: number | null;
  recommended_action: string;
}

export interface CustomerRow {
  customer_id: string;
  persona: string | null;
  segment_id: number | null;
  churn_probability: number | null;
  risk_band: string | null;
  predicted_ltv: number | null;
  expected_loss: number | null;
  recommended_action: string | null;
}

export interface Page<T> {
  items: T[];
  page: number;
  size: number;
  total: number;
}

export interface PersonaTotals {
  customers: number;
  selected: number;
  cost: number;
  expected_revenue_saved: number;
  action: string;
  action_cost: number;
}

export interface Plan {
  budget: number;
  cost: number;
  customers_selected: number;
  expected_revenue_saved: number;
  by_persona: Record<string, PersonaTotals>;
  selected: { customer_id: string; persona: string; action: string; cost: number; expected_loss: number;
    expected_saved: number }[];
}

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

export interface RiskBandFigure {
  customers: number;
  share: number;
}

export interface Overview {
  customers: number;
  revenue: number;
  risk_bands: Record<string, RiskBandFigure>;
  predicted_ltv: number;
  predicted_ltv_at_risk: number;
  expected_loss: number;
  currency: string;
  as_of: string | null;
  last_training: { dataset_id: string; kind: string; status: string; started_at: string | null;
    finished_at: string | null } | null;
}

/** What drives one customer's churn probability: each feature's push on the log-odds, the strongest first. */
export interface ChurnExplanation {
  customer_id: string;
  churn_probability: number;
  baseline_log_odds: number;
  drivers: { feature: string; value: number; effect: number }[];
  model_version: string;
}

/** A batch prediction job, as GET /predictions lists it. */
export interface PredictionJob {
  job_id: string;
  status: 'queued' | 'running' | 'finished' | 'failed';
  scope: 'all' | 'list';
  model_id: string | null;
  total: number;
  done: number;
  progress: number;
  created_at: string;
  finished_at: string | null;
  error: string | null;
  csv: string | null;
}
