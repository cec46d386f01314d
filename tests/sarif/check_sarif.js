// Validates trigc's `--format sarif` output against the SARIF 2.1.0 JSON Schema (the schema file shipped in the
// @microsoft/jest-sarif package, pinned in tests/package-lock.json), for a run with findings and a clean run.
// Usage: node check_sarif.js TRIGC FAILING_REPO CLEAN_REPO
'use strict';
const { execFileSync } = require('child_process');
const path = require('path');
const Ajv = require('ajv-draft-04');

const [trigc, failing, clean] = process.argv.slice(2);
const schema = require(path.join(__dirname, '..', 'node_modules', '@microsoft', 'jest-sarif', 'lib', 'schemas',
                                 'sarif-2.1.0-rtm.5.json'));
// The schema's patterns are not valid in JavaScript's unicode mode, and its uri formats are not checked.
const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false, validateFormats: false });
const validate = ajv.compile(schema);

function sarifOf(repo) {
  try {
    return execFileSync(trigc, ['validate', repo, '--format', 'sarif'], { encoding: 'utf8' });
  } catch (e) {
    if (e.status === 1) return e.stdout;  // findings: exit 1 with the log on stdout
    throw e;
  }
}

let failed = 0;
// A log that breaks the schema must be rejected, or this check proves nothing.
if (validate({ version: '2.1.0', runs: [{ tool: {} }] })) {
  console.error('sarif: the schema accepted a log without a tool driver');
  failed++;
}
// The failing repository has errors; the example has none (it may have warnings).
for (const [repo, wantErrors] of [[failing, true], [clean, false]]) {
  const log = JSON.parse(sarifOf(repo));
  if (!validate(log)) {
    console.error(`sarif: ${repo}: invalid SARIF 2.1.0:\n` + JSON.stringify(validate.errors, null, 2));
    failed++;
    continue;
  }
  const results = log.runs[0].results.length;
  const errors = log.runs[0].results.filter((r) => r.level === 'error').length;
  if ((errors > 0) !== wantErrors) {
    console.error(`sarif: ${repo}: expected ${wantErrors ? 'errors' : 'no errors'}, got ${errors}`);
    failed++;
    continue;
  }
  console.log(`sarif: ${repo}: valid SARIF 2.1.0 with ${results} results and ${log.runs[0].tool.driver.rules.length} rules`);
}
process.exit(failed ? 1 : 0);
