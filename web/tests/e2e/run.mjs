// End-to-end: the production web app in Debian's Chromium (playwright-core), against the real gateway holding the
// sample data. Screenshots of every page go to tests/e2e/artifacts/. Needs: the web app on CSR_WEB_URL, the gateway on
// CSR_GATEWAY_URL, the demo tenant's key (CSR_DEMO_KEY) and the admin key (CSR_ADMIN_KEY). deploy/local/web-e2e.sh
// starts all of it and runs this file.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { createHmac } from 'node:crypto';
import { createServer } from 'node:http';
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const here = path.dirname(fileURLToPath(import.meta.url));
const WEB = process.env.CSR_WEB_URL ?? 'http://127.0.0.1:3000';
const GATEWAY = process.env.CSR_GATEWAY_URL ?? 'http://127.0.0.1:8000';
const MLFLOW = process.env.CSR_MLFLOW_URL ?? 'http://127.0.0.1:5000';
const DEMO_KEY = required('CSR_DEMO_KEY');
const ADMIN_KEY = required('CSR_ADMIN_KEY');
const ARTIFACTS = path.join(here, 'artifacts');
const CHROMIUM = process.env.CSR_CHROMIUM ?? '/usr/bin/chromium';
/** tiny.csv's columns in the original system's mapping document (its JSON column mapping). */
const MAPPING = '{"customer_id": "CustomerID", "order_id": "InvoiceNo", "order_datetime": "InvoiceDate", '
  + '"product_id": "StockCode", "quantity": "Quantity", "unit_price": "UnitPrice", "description": "Description", '
  + '"country": "Country"}';

function required(name) {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set`);
  return value.trim();
}

let browser;
/** A webhook receiver on this machine: every post the gateway makes to it, with its headers and body. */
const hooks = [];
const receiver = createServer((request, response) => {
  let body = '';
  request.on('data', (chunk) => { body += chunk; });
  request.on('end', () => {
    hooks.push({ headers: request.headers, body, json: JSON.parse(body) });
    response.writeHead(200).end();
  });
});
let hookUrl;
let webhookSecret;

/** True when a post carries a Standard Webhooks signature made with the secret (as its libraries check it). */
function signed(secret, hook) {
  const key = Buffer.from(secret.slice('whsec_'.length), 'base64');
  const mac = createHmac('sha256', key)
    .update(`${hook.headers['webhook-id']}.${hook.headers['webhook-timestamp']}.${hook.body}`).digest('base64');
  return hook.headers['webhook-signature'].split(' ').includes(`v1,${mac}`);
}

/** The one post of a type about an id, once it arrived. */
async function hookOf(type, id, p) {
  for (let i = 0; i < 60; i++) {
    const found = hooks.filter((h) => h.json.type === type && JSON.stringify(h.json.data).includes(id));
    if (found.length > 0) {
      assert.equal(found.length, 1, `one ${type} post about ${id}`);
      assert.ok(signed(webhookSecret, found[0]), 'signed with the secret the Settings page shows');
      return found[0];
    }
    await p.waitForTimeout(1000);
  }
  throw new Error(`no ${type} webhook about ${id}`);
}

before(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  await new Promise((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  hookUrl = `http://127.0.0.1:${receiver.address().port}/retention`;
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
});

after(async () => {
  await browser?.close();
  receiver.close();
});

async function page(width = 1280) {
  const context = await browser.newContext({ viewport: { width, height: 900 } });
  return context.newPage();
}

async function signIn(p, key) {
  await p.goto(`${WEB}/login`);
  await p.getByLabel('API key').fill(key);
  await p.getByRole('button', { name: 'Sign in' }).click();
}

async function shot(p, name) {
  await p.screenshot({ path: path.join(ARTIFACTS, `${name}.png`), fullPage: true });
}

/** The number shown in a figure card, e.g. "Customers selected" → 431. */
async function figure(p, label) {
  const card = p.locator('div.rounded-lg', { has: p.getByText(label, { exact: true }) }).first();
  const text = await card.locator('div.text-2xl').innerText();
  return Number(text.replace(/[^0-9.-]/g, ''));
}

async function createTenant(id) {
  const answer = await fetch(`${GATEWAY}/admin/tenants`, {
    method: 'POST', headers: { Authorization: `Bearer ${ADMIN_KEY}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ tenant_id: id }),
  });
  const body = await answer.text();
  assert.equal(answer.status, 201, body);
  return JSON.parse(body).api_key.secret;
}

describe('the web app on the sample', () => {
  test('a wrong key is refused with a clear message, and the browser keeps no key', async () => {
    const p = await page();
    await signIn(p, 'csr_not-a-real-key');
    await p.getByRole('alert').getByText('That key was not accepted').waitFor();
    await shot(p, 'sign-in-refused');
    await p.goto(`${WEB}/`);
    assert.match(p.url(), /\/login$/);
    await p.context().close();
  });

  test('sign in with the keyboard, then every page shows the sample', async () => {
    const p = await page();
    await p.goto(`${WEB}/login`);
    await p.keyboard.press('Tab');
    await p.keyboard.type(DEMO_KEY);
    await p.keyboard.press('Enter');
    await p.getByRole('heading', { name: 'Overview' }).waitFor();
    const cookies = await p.context().cookies();
    assert.ok(cookies.every((c) => !c.value.includes(DEMO_KEY)), 'the key is not in any cookie as such');
    assert.ok(cookies.some((c) => c.name === 'csr_session' && c.httpOnly), 'the session cookie is httpOnly');
    assert.equal(await p.evaluate(() => document.cookie.includes('csr_session')), false, 'JavaScript cannot read it');
    assert.ok(await figure(p, 'Customers') > 4000, 'the sample has over 4,000 scored customers');
    await p.getByText('Churn risk').waitFor();
    await shot(p, 'overview');

    await p.getByRole('link', { name: 'Segments' }).click();
    await p.getByRole('heading', { name: 'How the segments sit' }).waitFor();
    assert.ok(await p.getByText('Action:').count() >= 3, 'a card per persona');
    await shot(p, 'segments');

    await p.getByRole('link', { name: 'Customers' }).click();
    await p.getByLabel('Customer id').fill('13085');
    await p.getByRole('button', { name: 'Look up' }).click();
    await p.getByRole('heading', { name: 'Customer 13085' }).waitFor();
    await p.getByText('Purchases per month').waitFor();
    await p.getByText('Recommended action:').waitFor();
    const drivers = p.getByRole('list', { name: 'Churn drivers' });
    await drivers.waitFor();
    assert.equal(await drivers.getByRole('listitem').count(), 6, 'the six strongest churn drivers');
    assert.match(await drivers.innerText(), /(raises|lowers) the risk: odds × \d/);
    await shot(p, 'customer');

    await p.goto(`${WEB}/customers/no-such-customer`);
    await p.getByText('There is no customer no-such-customer.').waitFor();

    await p.getByRole('link', { name: 'At risk' }).click();
    await p.getByRole('heading', { name: 'At risk' }).waitFor();
    // the list streams in after the title (a Suspense boundary of its own)
    await p.getByText(/^[\d,]+ customers$/).waitFor();
    assert.equal(await p.locator('tbody tr').count(), 25);
    await p.getByLabel('Risk band').selectOption('high');
    await p.getByRole('button', { name: 'Apply' }).click();
    await p.waitForURL(/risk_band=high/);
    const bands = await p.locator('tbody tr td:nth-child(4)').allInnerTexts();
    assert.ok(bands.length > 0 && bands.every((b) => b === 'high'), 'only high-risk customers');
    const download = p.waitForEvent('download');
    await p.getByRole('link', { name: 'Export CSV' }).click();
    const csv = await (await download).path();
    assert.ok(csv, 'a CSV was downloaded');
    await shot(p, 'at-risk');

    await p.getByRole('link', { name: 'Retention plan' }).click();
    await p.getByLabel(/Budget/).fill('1000');
    await p.getByRole('button', { name: 'Plan' }).click();
    await p.waitForURL(/budget=1000/);
    const few = await figure(p, 'Customers selected');
    await p.getByLabel(/Budget/).fill('5000');
    await p.getByRole('button', { name: 'Plan' }).click();
    await p.waitForURL(/budget=5000/);
    const more = await figure(p, 'Customers selected');
    assert.ok(more > few, `a bigger budget reaches more customers (${few} → ${more})`);
    await shot(p, 'plan');

    // the strategic report: read in the page, downloaded as a PDF
    await p.getByRole('link', { name: 'Report' }).click();
    const report = p.frameLocator('iframe[title="Strategic report"]');
    await report.getByRole('heading', { name: 'Personas' }).waitFor();
    await report.getByRole('heading', { name: 'Retention plan' }).waitFor();
    await report.getByText(/Budget GBP 5,000.00/).waitFor();
    await shot(p, 'report');
    const [pdf] = await Promise.all([p.waitForEvent('download'), p.getByRole('link', { name: 'Download PDF' }).click()]);
    assert.match(pdf.suggestedFilename(), /^retention-report-demo-.*\.pdf$/);
    assert.equal(readFileSync(await pdf.path()).subarray(0, 5).toString(), '%PDF-');

    await p.getByRole('link', { name: 'Models' }).click();
    await p.getByRole('heading', { name: 'Models', exact: true }).waitFor();
    await p.getByText(/Active: /).first().waitFor();
    await p.getByRole('heading', { name: 'Churn: ROC curve' }).waitFor();
    await p.locator('figure[aria-label="ROC curve"] svg .recharts-line').waitFor();
    await p.locator('figure[aria-label="Calibration"] svg .recharts-scatter').waitFor();
    await p.locator('figure[aria-label="Lifetime value by decile"] svg .recharts-bar').first().waitFor();
    await shot(p, 'models');

    // each version links to the run that trained it: the tenant's own, shown through the gateway, not MLflow's UI
    await p.locator('summary', { hasText: 'Versions' }).nth(1).click();
    await p.getByRole('link', { name: 'training run' }).first().click();
    await p.getByRole('heading', { name: /^Training run: churn / }).waitFor();
    await p.getByTestId('run-metrics').getByText('roc_auc', { exact: true }).waitFor();
    await p.getByTestId('run-params').getByText('data_sha256', { exact: true }).waitFor();
    const [file] = await Promise.all([p.waitForEvent('download'),
      p.getByTestId('run-files').getByRole('link').first().click()]);
    assert.ok(readFileSync(await file.path()).length > 0, 'a file of the model, downloaded');
    await shot(p, 'training-run');
    // the same run is in the platform's MLflow, for operators, tagged with the demo tenant
    const tracking = await p.getByText(/Tracked by the platform as run/).textContent();
    const runId = tracking.match(/run ([0-9a-f]{32})/)?.[1];
    assert.ok(runId, `an MLflow run id: ${tracking}`);
    const tracked = await (await fetch(`${MLFLOW}/api/2.0/mlflow/runs/get?run_id=${runId}`)).json();
    assert.equal(tracked.run.info.status, 'FINISHED');
    assert.ok(tracked.run.data.tags.some((t) => t.key === 'csr.tenant' && t.value === 'demo'), 'the demo tenant\'s run');

    // the tenant's currency labels every money figure; a wrong code is explained, and nothing changes
    await p.getByRole('link', { name: 'Settings' }).click();
    await p.getByLabel(/Currency/).fill('EUX');
    await p.getByRole('button', { name: 'Save', exact: true }).click();
    await p.getByText(/invalid currency 'EUX'/).waitFor();
    await p.getByLabel(/Currency/).fill('EUR');
    await p.getByRole('button', { name: 'Save', exact: true }).click();
    await p.getByRole('status').filter({ hasText: 'Saved.' }).waitFor();
    await shot(p, 'settings');
    await p.getByRole('link', { name: 'Overview' }).click();
    await p.getByText(/€[\d,]+/).first().waitFor();
    await p.getByRole('link', { name: 'Settings' }).click();
    await p.getByLabel(/Currency/).fill('');
    await p.getByRole('button', { name: 'Save', exact: true }).click();
    await p.getByRole('status').filter({ hasText: 'Saved.' }).waitFor();
    await p.getByRole('link', { name: 'Overview' }).click();
    await p.getByText(/£[\d,]+/).first().waitFor();

    const phone = await browser.newContext({ viewport: { width: 390, height: 844 } });
    await phone.addCookies(await p.context().cookies());
    const small = await phone.newPage();
    await small.goto(`${WEB}/`);
    await small.getByRole('heading', { name: 'Overview' }).waitFor();
    await shot(small, 'overview-phone');
    await phone.close();

    await p.getByRole('button', { name: 'Sign out' }).click();
    await p.waitForURL(/\/login$/);
    await p.goto(`${WEB}/segments`);
    assert.match(p.url(), /\/login$/);
    await p.context().close();
  });

  test('notifications are set in Settings, signed, and tried with a test post', async () => {
    const p = await page();
    await signIn(p, DEMO_KEY);
    await p.getByRole('heading', { name: 'Overview' }).waitFor();
    await p.getByRole('link', { name: 'Settings' }).click();
    await p.getByLabel('Webhook URL').fill(hookUrl);
    await p.getByRole('button', { name: 'Save notifications' }).click();
    await p.getByRole('status').filter({ hasText: /Saved: what ends from/ }).waitFor();
    webhookSecret = (await p.getByTestId('webhook-secret').innerText()).trim();
    assert.match(webhookSecret, /^whsec_/);
    await p.getByRole('button', { name: 'Send a test' }).click();
    await p.getByRole('status', { name: 'Test outcome' }).getByText('webhook: delivered: HTTP 200').waitFor();
    const test = hooks.find((h) => h.json.type === 'test');
    assert.ok(test && signed(webhookSecret, test), 'the test post is signed with the secret shown');
    assert.equal(test.json.tenant_id, 'demo');
    await shot(p, 'settings-notifications');
    await p.context().close();
  });

  test('a retrain started in the web app is followed until it settles', { timeout: 600_000 }, async () => {
    const p = await page();
    await signIn(p, DEMO_KEY);
    await p.getByRole('heading', { name: 'Overview' }).waitFor();
    await p.goto(`${WEB}/models`);
    await p.getByRole('button', { name: 'Retrain on the latest data' }).click();
    await p.getByText('Training set').waitFor();
    await p.getByTestId('training-status').filter({ hasText: /^(active|finished|failed)$/ })
      .waitFor({ timeout: 540_000 });
    await shot(p, 'models-retrained');
    assert.notEqual(await p.getByTestId('training-status').innerText(), 'failed');
    // the end was posted to the tenant's webhook, once, signed
    for (let i = 0; i < 60 && !hooks.some((h) => h.json.type === 'training.finished'); i++) await p.waitForTimeout(1000);
    const training = hooks.find((h) => h.json.type === 'training.finished');
    assert.ok(training, 'the end of the retrain was posted to the webhook');
    await hookOf('training.finished', training.json.data.model_id, p);
    assert.ok(['active', 'partly_active', 'finished'].includes(training.json.data.status));

    // both trainings are listed; the one not serving can be made the default again
    await p.reload();
    assert.ok(await p.getByTestId('training').count() >= 2, 'the sample\'s training and the retrain');
    const other = p.getByTestId('training').filter({ has: p.getByRole('button', { name: 'Make default' }) }).first();
    const id = (await other.locator('td').first().innerText()).trim();
    await other.getByRole('button', { name: 'Make default' }).click();
    await p.getByTestId('training').filter({ hasText: id }).getByTestId('default-training').waitFor({ timeout: 60_000 });
    await shot(p, 'models-trainings');
    await p.context().close();
  });

  test('a batch prediction of every customer runs in the background and downloads as one CSV row each',
    { timeout: 300_000 }, async () => {
      const p = await page();
      await signIn(p, DEMO_KEY);
      await p.getByRole('heading', { name: 'Overview' }).waitFor();
      const customers = (await (await fetch(`${GATEWAY}/customers?size=1`, {
        headers: { Authorization: `Bearer ${DEMO_KEY}` },
      })).json()).total;
      await p.getByRole('link', { name: 'Predictions' }).click();
      await p.getByRole('button', { name: 'Score customers' }).click();
      const job = p.getByTestId('prediction-job').first();
      await job.getByTestId('job-status').filter({ hasText: /^(finished|failed)/ }).waitFor({ timeout: 240_000 });
      assert.equal(await job.getByTestId('job-status').innerText(), 'finished');
      await shot(p, 'predictions');
      const jobId = (await job.getAttribute('data-job-id')) ?? '';
      const posted = await hookOf('prediction_job.finished', jobId, p);
      assert.equal(posted.json.data.total, customers);
      const [download] = await Promise.all([p.waitForEvent('download'), job.getByRole('link', { name: 'CSV' }).click()]);
      const csv = readFileSync(await download.path(), 'utf8').trim().split('\n');
      assert.equal(csv[0].split(',')[0], 'customer_id');
      assert.equal(csv.length - 1, customers, 'one row per customer');
      assert.equal(new Set(csv.slice(1).map((line) => line.split(',')[0])).size, customers, 'each customer once');
      await p.context().close();
    });

  test('an empty tenant is told what to do, and uploads a file whose report it then sees', async () => {
    const key = await createTenant(`e2e-${Date.now()}`);
    const p = await page();
    await signIn(p, key);
    await p.getByText('No scored customers yet').waitFor();
    await shot(p, 'overview-empty');
    await p.getByRole('link', { name: 'Data' }).click();
    await p.getByText('No file has been ingested yet.').waitFor();
    await p.locator('input[type=file]').setInputFiles(path.join(here, 'tiny.csv'));
    // a mapping that names a column the file does not have is explained; the right one shows the first rows
    await p.getByLabel(/Column mapping/).fill('{"customer_id": "Client"}');
    await p.getByRole('button', { name: 'Preview' }).click();
    await p.getByRole('alert').getByText(/Client/).waitFor();
    await p.getByLabel(/Column mapping/).fill(MAPPING);
    await p.getByRole('button', { name: 'Preview' }).click();
    await p.getByTestId('upload-preview').getByText('customer ← CustomerID').waitFor();
    await shot(p, 'data-preview');
    await p.getByRole('button', { name: 'Upload' }).click();
    await p.getByRole('status').getByText(/Accepted 15 rows/).waitFor();
    for (let i = 0; i < 30 && await p.getByTestId('file-report').count() === 0; i++) {
      await p.waitForTimeout(1000);
      await p.reload();
    }
    await p.getByTestId('file-report').getByText(/15 rows read, 7 kept, 8 rejected/).waitFor();
    await p.getByText('missing customer: 1').waitFor();
    await p.getByTestId('file-mapping').filter({ hasText: /customer_id ← CustomerID/ }).waitFor();
    // the mapping was kept with the file: the next upload (say, next month's export for a retrain) reuses it
    await p.getByRole('button', { name: 'Use the mapping tiny.csv was read with' }).click();
    assert.deepEqual(JSON.parse(await p.getByLabel(/Column mapping/).inputValue()), JSON.parse(MAPPING));
    await shot(p, 'data');
    await p.context().close();
  });

  test('with the gateway down, sign-in says the platform cannot be reached', async () => {
    const port = 3900 + Math.floor(Math.random() * 90);
    // a process group of its own, so stopping it stops npx, next and the server it starts
    const server = spawn('npx', ['next', 'start', '-p', String(port)], {
      cwd: path.join(here, '..', '..'), detached: true,
      env: { ...process.env, CSR_GATEWAY_URL: 'http://127.0.0.1:9', CSR_WEB_SECRET: 'e2e' }, stdio: 'ignore',
    });
    try {
      const p = await page();
      for (let i = 0; i < 60; i++) {
        try { await p.goto(`http://127.0.0.1:${port}/login`); break; } catch { await p.waitForTimeout(500); }
      }
      await p.getByLabel('API key').fill(DEMO_KEY);
      await p.getByRole('button', { name: 'Sign in' }).click();
      await p.getByRole('alert').getByText('The platform cannot be reached right now').waitFor();
      await shot(p, 'sign-in-gateway-down');
      await p.context().close();
    } finally {
      process.kill(-server.pid, 'SIGTERM');
    }
  });
});
