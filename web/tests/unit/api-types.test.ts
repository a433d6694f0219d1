/**
 * scripts/api-types.mjs on OpenAPI documents of the tests' own, in a temporary directory: api:types writes the types,
 * api:check passes on what it wrote and fails once the document or the types file moved on, or either is missing.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const WEB = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const SCRIPT = path.join(WEB, 'scripts', 'api-types.mjs');

/** A small OpenAPI document: one operation answering a named schema. */
function document(extraProperty?: string) {
  const properties: Record<string, unknown> = { customers: { type: 'integer' }, currency: { type: 'string' } };
  if (extraProperty) properties[extraProperty] = { type: 'number' };
  return {
    openapi: '3.0.3',
    info: { title: 'test gateway', version: '0.0.1' },
    paths: {
      '/overview': {
        get: {
          responses: {
            200: { description: 'OK', content: { 'application/json': { schema: { $ref: '#/components/schemas/Overview' } } } },
          },
        },
      },
    },
    components: { schemas: { Overview: { type: 'object', properties } } },
  };
}

let dir: string;
let spec: string;
let out: string;

function run(...args: string[]) {
  const answer = spawnSync(process.execPath, [SCRIPT, '--spec', spec, '--out', out, ...args], {
    cwd: WEB, encoding: 'utf8', timeout: 60_000,
  });
  return { code: answer.status, stdout: answer.stdout, stderr: answer.stderr };
}

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'api-types-test-'));
  spec = path.join(dir, 'openapi.json');
  out = path.join(dir, 'schema.d.ts');
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('api-types.mjs', { timeout: 60_000 }, () => {
  it('writes the types of the document, with a header saying how to regenerate them', () => {
    writeFileSync(spec, JSON.stringify(document()));
    const answer = run();
    expect(answer.stderr).toBe('');
    expect(answer.code).toBe(0);
    const types = readFileSync(out, 'utf8');
    expect(types).toMatch(/^\/\*\*\n \* Generated from the gateway's OpenAPI document/);
    expect(types).toContain('npm run api:types');
    expect(types).toContain('"/overview"');
    expect(types).toMatch(/Overview: \{[^}]*customers\?: number;[^}]*currency\?: string;/s);
  });

  it('--check passes when the types are what the document gives, and writes nothing', () => {
    const before = readFileSync(out, 'utf8');
    const answer = run('--check');
    expect(answer.stderr).toBe('');
    expect(answer.code).toBe(0);
    expect(readFileSync(out, 'utf8')).toBe(before);
  });

  it('--check fails when the document changed since the types were generated, and leaves them as they were', () => {
    const before = readFileSync(out, 'utf8');
    writeFileSync(spec, JSON.stringify(document('expected_loss')));
    const answer = run('--check');
    expect(answer.code).toBe(1);
    expect(answer.stderr).toMatch(/^api:check: .*schema\.d\.ts is not what the gateway's OpenAPI document gives: run npm run api:types/);
    expect(readFileSync(out, 'utf8')).toBe(before);
    // regenerating makes the check pass again
    expect(run().code).toBe(0);
    expect(readFileSync(out, 'utf8')).toContain('expected_loss?: number;');
    expect(run('--check').code).toBe(0);
  });

  it('--check fails when the types file was edited by hand', () => {
    writeFileSync(out, readFileSync(out, 'utf8').replace('expected_loss?: number;', 'expected_loss?: string;'));
    const answer = run('--check');
    expect(answer.code).toBe(1);
    expect(answer.stderr).toContain('is not what the gateway\'s OpenAPI document gives');
  });

  it('--check fails when there are no types yet', () => {
    rmSync(out);
    const answer = run('--check');
    expect(answer.code).toBe(1);
    expect(existsSync(out)).toBe(false);
  });

  it('fails with a hint when there is no document (the gateway was not built)', () => {
    rmSync(spec);
    for (const args of [[], ['--check']]) {
      const answer = run(...args);
      expect(answer.code).toBe(1);
      expect(answer.stderr).toMatch(/there is no OpenAPI document at .*openapi\.json: build the gateway first/);
    }
    expect(existsSync(out)).toBe(false);
  });

  it('fails when the document is not JSON', () => {
    writeFileSync(spec, '{ not json');
    const answer = run();
    expect(answer.code).toBe(1);
    expect(answer.stderr).toMatch(/could not be read as an OpenAPI document/);
    expect(existsSync(out)).toBe(false);
  });
});
