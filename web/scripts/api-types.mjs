// The gateway's types for the data modules, from its OpenAPI document (which the gateway's Maven build writes):
// `npm run api:types` writes lib/api/schema.d.ts; `npm run api:check` generates it into a temporary file and fails if
// that is not the checked-in one. --spec and --out name other files (the unit tests use them).
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import openapiTS, { astToString } from 'openapi-typescript';

const WEB = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const { version } = createRequire(import.meta.url)('openapi-typescript/package.json');
const { values: args } = parseArgs({
  options: {
    check: { type: 'boolean', default: false },
    spec: { type: 'string', default: '../gateway/target/openapi/openapi.json' },
    out: { type: 'string', default: 'lib/api/schema.d.ts' },
  },
});
const task = args.check ? 'api:check' : 'api:types';
const spec = path.resolve(WEB, args.spec);
const out = path.resolve(WEB, args.out);

const HEADER = `/**
 * Generated from the gateway's OpenAPI document (gateway/target/openapi/openapi.json, written by the gateway's Maven
 * build) by openapi-typescript ${version}. Do not edit: regenerate with \`npm run api:types\` in web/;
 * \`npm run api:check\` fails when this file is not what the document gives.
 */

`;

function fail(message) {
  console.error(`${task}: ${message}`);
  process.exit(1);
}

if (!existsSync(spec)) {
  fail(`there is no OpenAPI document at ${args.spec}: build the gateway first `
    + '(mvn -pl gateway -am package -DskipTests)');
}
let types;
try {
  types = HEADER + astToString(await openapiTS(pathToFileURL(spec), { silent: true }));
} catch (e) {
  fail(`${args.spec} could not be read as an OpenAPI document: ${e.message.split('\n')[0]}`);
}

if (args.check) {
  const dir = mkdtempSync(path.join(tmpdir(), 'api-check-'));
  const fresh = path.join(dir, 'schema.d.ts');
  writeFileSync(fresh, types);
  const same = existsSync(out) && readFileSync(out, 'utf8') === readFileSync(fresh, 'utf8');
  rmSync(dir, { recursive: true, force: true });
  if (!same) {
    fail(`${args.out} is not what the gateway's OpenAPI document gives: run npm run api:types `
      + 'and check the result in');
  }
} else {
  writeFileSync(out, types);
  console.log(`${task}: wrote ${args.out} from ${args.spec}`);
}
