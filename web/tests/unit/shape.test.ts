import { describe, expect, it } from 'vitest';
import { churnDrivers, csvField, customersCsv, decileBars, monthlyPurchases, planByPersona, planCsv, riskDistribution, rocPoints, segmentMap }
  from '@/lib/shape';
import type { Plan } from '@/lib/api/plan';
import type { Segment } from '@/lib/api/segments';
import type { PurchaseLine } from '@/lib/types';

describe('riskDistribution', () => {
  it('lists the bands low to high, with zero for a band the gateway did not send', () => {
    expect(riskDistribution({ risk_bands: { high: { customers: 3, share: 0.3 }, low: { customers: 7, share: 0.7 } } }))
      .toEqual([
        { band: 'low', customers: 7, share: 0.7 },
        { band: 'medium', customers: 0, share: 0 },
        { band: 'high', customers: 3, share: 0.3 },
      ]);
  });
});

describe('segmentMap', () => {
  it('places each persona at its mean recency and frequency, sized by customers', () => {
    const s = { id: 0, persona: 'Champions', description: '', customers: 806, share: 0.19, revenue_share: 0.67,
      mean_recency_days: 7.6123, mean_frequency: 13.299, mean_monetary: 6994, mean_churn_probability: 0.25,
      mean_predicted_ltv: 1328, recommended_action: 'VIP' } satisfies Segment;
    expect(segmentMap([s])).toEqual([{ persona: 'Champions', recency: 7.6, frequency: 13.3, customers: 806 }]);
  });
});

describe('planByPersona', () => {
  it('puts the persona saving most first and says what each unit spent there returns', () => {
    const plan = { budget: 100, cost: 100, customers_selected: 3, expected_revenue_saved: 900, selected: [],
      by_persona: {
        Hibernating: { customers: 10, selected: 1, cost: 20, expected_revenue_saved: 100, action: 'mail', action_cost: 2 },
        Champions: { customers: 5, selected: 2, cost: 80, expected_revenue_saved: 800, action: 'gift', action_cost: 8 },
        Lost: { customers: 4, selected: 0, cost: 0, expected_revenue_saved: 0, action: 'none', action_cost: 0 },
      } } satisfies Plan;
    const rows = planByPersona(plan);
    expect(rows.map((r) => r.persona)).toEqual(['Champions', 'Hibernating', 'Lost']);
    expect(rows[0].returnPerUnit).toBe(10);
    expect(rows[2].returnPerUnit).toBeNull();
  });
});

describe('monthlyPurchases', () => {
  const line = (invoice: string, timestamp: string, amount: number, cancellation = false): PurchaseLine => ({
    transaction_id: `${invoice}#1`, invoice, stock_code: 'X', description: 'x', quantity: 1, unit_price: amount,
    amount, timestamp, country: 'UK', cancellation });

  it('sums revenue per month, counts each order once and nets cancellations', () => {
    expect(monthlyPurchases([
      line('2', '2010-02-03T10:00:00Z', 30),
      line('1', '2010-01-05T10:00:00Z', 10),
      line('1', '2010-01-05T10:00:00Z', 5),
      line('C3', '2010-02-20T10:00:00Z', -10, true),
    ])).toEqual([
      { month: '2010-01', revenue: 15, orders: 1 },
      { month: '2010-02', revenue: 20, orders: 1 },
    ]);
  });
});

describe('customersCsv', () => {
  it('writes a header and quotes fields holding commas or quotes', () => {
    const csv = customersCsv([{ customer_id: '12345', persona: 'At Risk', segment_id: 1, churn_probability: 0.8,
      risk_band: 'high', predicted_ltv: 100.5, expected_loss: 80.4, recommended_action: 'Call, then "win back"' }]);
    expect(csv).toBe('customer_id,persona,churn_probability,risk_band,predicted_ltv,expected_loss,recommended_action\r\n'
      + '12345,At Risk,0.8,high,100.5,80.4,"Call, then ""win back"""\r\n');
  });

  it('leaves a missing figure empty', () => {
    expect(customersCsv([{ customer_id: '1', persona: null, segment_id: null, churn_probability: null,
      risk_band: null, predicted_ltv: null, expected_loss: null, recommended_action: null }]).split('\r\n')[1])
      .toBe('1,,,,,,');
  });
});

describe('CSV cells a spreadsheet would take for a formula (OWASP CSV injection)', () => {
  it('get a leading quote mark and are quoted, whatever character starts them', () => {
    for (const [cell, safe] of [['=1+2', `"'=1+2"`], ['+1+1', `"'+1+1"`], ['-1+1', `"'-1+1"`], ['@SUM(1+1)', `"'@SUM(1+1)"`],
      ['\tx', `"'\tx"`], ['\rx', `"'\rx"`], ['=HYPERLINK("http://example.invalid","x")',
        `"'=HYPERLINK(""http://example.invalid"",""x"")"`]]) {
      expect(csvField(cell)).toBe(safe);
    }
  });

  it('leave numbers numeric, negative ones included, and other text as it was', () => {
    expect([-12.5, 0, 3, -0.25].map(csvField)).toEqual(['-12.5', '0', '3', '-0.25']);
    expect(['12345', 'a=b', 'x-1', ''].map(csvField)).toEqual(['12345', 'a=b', 'x-1', '']);
  });

  it('are neutralised in both exports, the figures staying numbers', () => {
    const csv = customersCsv([{ customer_id: '=1+2', persona: '@risk', segment_id: 1, churn_probability: 0.5,
      risk_band: 'high', predicted_ltv: -3.5, expected_loss: 1, recommended_action: '-call' }]);
    expect(csv.split('\r\n')[1]).toBe(`"'=1+2","'@risk",0.5,high,-3.5,1,"'-call"`);
    const plan = { budget: 10, cost: 8, customers_selected: 1, expected_revenue_saved: 50, by_persona: {},
      selected: [{ customer_id: '+44 20 7946 0000', persona: 'Champions', action: 'gift', cost: 8, expected_loss: -1,
        expected_saved: 50 }] } satisfies Plan;
    expect(planCsv(plan).split('\r\n')[1]).toBe(`"'+44 20 7946 0000",Champions,gift,8,-1,50`);
  });
});

describe('planCsv', () => {
  it('lists each selected customer with the action and the figures', () => {
    const plan = { budget: 10, cost: 8, customers_selected: 1, expected_revenue_saved: 50, by_persona: {},
      selected: [{ customer_id: '18102', persona: 'Champions', action: 'VIP gift, early access', cost: 8,
        expected_loss: 2314.72, expected_saved: 50 }] } satisfies Plan;
    expect(planCsv(plan)).toBe('customer_id,persona,action,cost,expected_loss,expected_saved\r\n'
      + '18102,Champions,"VIP gift, early access",8,2314.72,50\r\n');
  });
});

describe('evaluation charts', () => {
  it('turns ROC pairs into points', () => {
    expect(rocPoints([[0, 0], [0.123456, 0.5], [1, 1]])).toEqual([
      { fpr: 0, tpr: 0 }, { fpr: 0.1235, tpr: 0.5 }, { fpr: 1, tpr: 1 }]);
  });

  it('orders LTV deciles from the first', () => {
    expect(decileBars([
      { decile: 2, mean_predicted: 10.123, mean_actual: 9 },
      { decile: 1, mean_predicted: 99, mean_actual: 120.456 },
    ])).toEqual([{ decile: 1, predicted: 99, actual: 120.46 }, { decile: 2, predicted: 10.12, actual: 9 }]);
  });
});

describe('churnDrivers', () => {
  it('keeps the strongest pushes either way, says which way each goes and how much it multiplies the odds', () => {
    const drivers = [
      { feature: 'frequency', value: 3, effect: -0.2 },
      { feature: 'recency_days', value: 212, effect: 1.0 },
      { feature: 'spend_trend', value: -0.5, effect: 0.05 },
      { feature: 'tenure_days', value: 400, effect: -0.5 },
    ];
    const rows = churnDrivers({ drivers }, 3);
    expect(rows.map((r) => r.feature)).toEqual(['recency_days', 'tenure_days', 'frequency']);
    expect(rows[0]).toMatchObject({ label: 'Days since last purchase', value: 212, raises: true, length: 1 });
    expect(rows[0].oddsFactor).toBeCloseTo(Math.E, 10);
    expect(rows[1]).toMatchObject({ raises: false, length: 0.5 });
    expect(rows[1].oddsFactor).toBeCloseTo(Math.exp(-0.5), 10);
  });

  it('draws no bar longer than the card when every effect is zero', () => {
    const rows = churnDrivers({ drivers: [{ feature: 'frequency', value: 1, effect: 0 }] });
    expect(rows[0].length).toBe(0);
    expect(rows[0].raises).toBe(false);
  });
});
