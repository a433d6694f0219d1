'use client';

// Charts draw at once, without animation: figures are read, not watched, and screenshots show the whole chart.

import {
  Bar, BarChart, CartesianGrid, Cell, Legend, Line, LineChart, ReferenceLine, ResponsiveContainer, Scatter,
  ScatterChart, Tooltip, XAxis, YAxis, ZAxis,
} from 'recharts';

const BAND_COLOURS: Record<string, string> = { low: '#16a34a', medium: '#d97706', high: '#dc2626' };
const PERSONA_COLOURS = ['#1f5fbf', '#0891b2', '#7c3aed', '#db2777', '#ea580c', '#65a30d', '#475569'];

/** Customers per churn-risk band. */
export function RiskChart({ data }: { data: { band: string; customers: number }[] }) {
  return (
    <figure aria-label="Customers by churn-risk band" className="h-56">
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={data} margin={{ top: 8, right: 8, bottom: 0, left: 0 }}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="band" />
          <YAxis allowDecimals={false} />
          <Tooltip />
          <Bar isAnimationActive={false} dataKey="customers" name="customers">
            {data.map((d) => <Cell key={d.band} fill={BAND_COLOURS[d.band] ?? '#64748b'} />)}
          </Bar>
        </BarChart>
      </ResponsiveContainer>
    </figure>
  );
}

/** Where the personas sit: mean days since last purchase against mean purchases, bubble size the customers. */
export function SegmentMapChart({ data }: {
  data: { persona: string; recency: number; frequency: number; customers: number }[];
}) {
  return (
    <figure aria-label="Segments by recency and frequency" className="h-72">
      <ResponsiveContainer width="100%" height="100%">
        <ScatterChart margin={{ top: 8, right: 16, bottom: 16, left: 0 }}>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis type="number" dataKey="recency" name="days since last purchase" unit=" d"
            label={{ value: 'days since last purchase', position: 'insideBottom', offset: -8 }} />
          <YAxis type="number" dataKey="frequency" name="purchases" />
          <ZAxis type="number" dataKey="customers" range={[80, 1200]} name="customers" />
          <Tooltip cursor={{ strokeDasharray: '3 3' }} />
          {data.map((d, i) => (
            <Scatter isAnimationActive={false} key={d.persona} name={d.persona} data={[d]} fill={PERSONA_COLOURS[i % PERSONA_COLOURS.length]} />
          ))}
        </ScatterChart>
      </ResponsiveContainer>
    </figure>
  );
}

/** A customer's revenue per month. */
export function MonthlyChart({ data }: { data: { month: string; revenue: number }[] }) {
  return (
    <figure aria-label="Revenue per month" className="h-56">
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={data} margin={{ top: 8, right: 8, bottom: 0, left: 0 }}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="month" />
          <YAxis />
          <Tooltip />
          <Bar isAnimationActive={false} dataKey="revenue" fill="#1f5fbf" />
        </BarChart>
      </ResponsiveContainer>
    </figure>
  );
}

/** Expected revenue saved per persona in a plan. */
export function PlanChart({ data }: { data: { persona: string; saved: number; cost: number }[] }) {
  return (
    <figure aria-label="Expected revenue saved per persona" className="h-56">
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={data} margin={{ top: 8, right: 8, bottom: 0, left: 0 }}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="persona" />
          <YAxis />
          <Tooltip />
          <Bar isAnimationActive={false} dataKey="saved" name="expected revenue saved" fill="#16a34a" />
          <Bar isAnimationActive={false} dataKey="cost" name="cost" fill="#94a3b8" />
        </BarChart>
      </ResponsiveContainer>
    </figure>
  );
}

/** The churn model's ROC curve on its out-of-time validation, against chance. */
export function RocChart({ data }: { data: { fpr: number; tpr: number }[] }) {
  return (
    <figure aria-label="ROC curve" className="h-64">
      <ResponsiveContainer width="100%" height="100%">
        <LineChart data={data} margin={{ top: 8, right: 16, bottom: 16, left: 0 }}>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis type="number" dataKey="fpr" domain={[0, 1]} tickCount={6}
            label={{ value: 'false positive rate', position: 'insideBottom', offset: -8 }} />
          <YAxis type="number" domain={[0, 1]} tickCount={6} />
          <Tooltip />
          <ReferenceLine segment={[{ x: 0, y: 0 }, { x: 1, y: 1 }]} stroke="#94a3b8" strokeDasharray="4 4" />
          <Line isAnimationActive={false} type="stepAfter" dataKey="tpr" name="true positive rate" stroke="#1f5fbf" dot={false} />
        </LineChart>
      </ResponsiveContainer>
    </figure>
  );
}

/** Predicted churn probability against the churn rate observed, per probability bin; honest ones sit on the diagonal. */
export function CalibrationChart({ data }: { data: { predicted: number; observed: number; customers: number }[] }) {
  return (
    <figure aria-label="Calibration" className="h-64">
      <ResponsiveContainer width="100%" height="100%">
        <ScatterChart margin={{ top: 8, right: 16, bottom: 16, left: 0 }}>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis type="number" dataKey="predicted" domain={[0, 1]} tickCount={6} name="predicted"
            label={{ value: 'predicted probability', position: 'insideBottom', offset: -8 }} />
          <YAxis type="number" dataKey="observed" domain={[0, 1]} tickCount={6} name="observed" />
          <ZAxis type="number" dataKey="customers" range={[40, 400]} name="customers" />
          <Tooltip />
          <ReferenceLine segment={[{ x: 0, y: 0 }, { x: 1, y: 1 }]} stroke="#94a3b8" strokeDasharray="4 4" />
          <Scatter isAnimationActive={false} data={data} fill="#d97706" name="bins" />
        </ScatterChart>
      </ResponsiveContainer>
    </figure>
  );
}

/** Mean predicted against mean actual spend per decile of predicted lifetime value. */
export function DecileChart({ data }: { data: { decile: number; predicted: number; actual: number }[] }) {
  return (
    <figure aria-label="Lifetime value by decile" className="h-64">
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={data} margin={{ top: 8, right: 8, bottom: 16, left: 0 }}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="decile" label={{ value: 'decile, 1 = highest predicted', position: 'insideBottom', offset: -8 }} />
          <YAxis />
          <Tooltip />
          <Legend verticalAlign="top" />
          <Bar isAnimationActive={false} dataKey="predicted" name="mean predicted" fill="#1f5fbf" />
          <Bar isAnimationActive={false} dataKey="actual" name="mean actual" fill="#16a34a" />
        </BarChart>
      </ResponsiveContainer>
    </figure>
  );
}
