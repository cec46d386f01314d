// Editor check: drives yaml-language-server's language service (what VS Code, Neovim and JetBrains run)
// against schemas/*.schema.json and examples/ratatouille, and asserts what a user typing a config.yaml
// sees: per-type key completion, enum value completion, one snippet per trigger type, hover text, and
// direct validation messages. The example files must validate cleanly through their modeline.
//
// Needs yaml-language-server installed under tests/node_modules (`npm ci --prefix tests`, which
// tools/setup.sh --test runs). Exits 1 on failure, and when it is not installed.
// tests/schema/lsp_check.js starts the same server over stdio LSP, as an editor does.
//
// Usage: node tests/schema/editor_check.js SOURCE_DIR
'use strict';
const fs = require('fs');
const path = require('path');

let ls, TextDocument, URI;
try {
  ({ getLanguageService: ls } = require('yaml-language-server/out/server/src/languageservice/yamlLanguageService'));
  ({ TextDocument } = require('vscode-languageserver-textdocument'));
  ({ URI } = require('vscode-uri'));
} catch (e) {
  console.log("editor check: error: yaml-language-server is not installed under tests/node_modules: run 'npm ci --prefix tests'");
  process.exit(1);
}

const root = path.resolve(process.argv[2] || path.join(__dirname, '..', '..'));
const service = ls({
  schemaRequestService: (uri) => {
    try {
      return Promise.resolve(fs.readFileSync(URI.parse(uri).fsPath, 'utf8'));
    } catch (e) {
      return Promise.reject(String(e));
    }
  },
  workspaceContext: {
    resolveRelativePath: (rel, resource) =>
      URI.file(path.resolve(path.dirname(URI.parse(resource).fsPath), rel)).toString(),
  },
});
service.configure({
  validate: true, completion: true, hover: true,
  schemas: [
    { uri: URI.file(path.join(root, 'schemas', 'pipeline.schema.json')).toString(), fileMatch: ['**/config.yaml'] },
    { uri: URI.file(path.join(root, 'schemas', 'project.schema.json')).toString(), fileMatch: ['**/trigc.yaml'] },
  ],
});

const failures = [];
let serial = 0;
// The language service caches parsed documents by URI and version: every probe gets its own URI.
function doc(name, text) {
  serial += 1;
  return TextDocument.create(URI.file(path.join(root, '.editor-check', String(serial), name)).toString(), 'yaml', 1, text);
}
// '|' marks the cursor.
function cursor(text) {
  const i = text.indexOf('|');
  const lines = text.slice(0, i).split('\n');
  return [text.slice(0, i) + text.slice(i + 1), { line: lines.length - 1, character: lines[lines.length - 1].length }];
}

const TYPES = ['schedule', 's3_sensor', 'webhook', 'freshness', 'dependency', 'file_watch'];
const COMMON = ['name', 'enabled', 'targets', 'cooldown_seconds', 'max_concurrent', 'params'];
const completions = [
  ['config.yaml', '|\n', ['name', 'target', 'enabled', 'triggers', 'freshness', 'maintenance_windows', 'concurrency', 'retries', 'params', 'targets'], []],
  ['config.yaml', 'triggers:\n  - type: |\n', TYPES, []],
  ['config.yaml', 'triggers:\n  - type: schedule\n    c|\n', COMMON.concat(['cron', 'pattern', 'timezone', 'catchup', 'jitter_seconds']), ['upstream', 'path', 'endpoint']],
  ['config.yaml', 'triggers:\n  - type: s3_sensor\n    p|\n', COMMON.concat(['path', 'bucket', 'pattern', 'interval']), ['cron', 'upstream']],
  ['config.yaml', 'triggers:\n  - type: webhook\n    e|\n', COMMON.concat(['endpoint', 'secret', 'source', 'bucket', 'prefix', 'suffix', 'events']), ['cron', 'interval']],
  ['config.yaml', 'triggers:\n  - type: freshness\n    n|\n', COMMON, ['cron', 'path', 'upstream']],
  ['config.yaml', 'triggers:\n  - type: dependency\n    u|\n', COMMON.concat(['upstream', 'condition', 'delay_minutes']), ['cron', 'path']],
  ['config.yaml', 'triggers:\n  - type: file_watch\n    p|\n', COMMON.concat(['path', 'events', 'recursive', 'debounce_seconds', 'ignore']), ['cron', 'interval']],
  ['config.yaml', 'triggers:\n  - type: dependency\n    upstream: a\n    condition: |\n', ['on_success', 'on_failure', 'on_completion'], []],
  ['config.yaml', 'retries:\n  backoff: |\n', ['fixed', 'exponential'], []],
  ['config.yaml', 'triggers:\n  - |\n', TYPES.filter((t) => t !== 'freshness').map((t) => t + ' trigger').concat(['freshness trigger']), []],
  ['trigc.yaml', 'version: 1\ntargets:\n  crontab:\n    |\n', ['out', 'runner', 'flavor', 'system_timezone', 'script_dir', 'cron_d_user'], []],
  ['trigc.yaml', 'version: 1\ntargets:\n  |\n', ['dagster', 'airflow', 'prefect', 'crontab', 'systemd', 'minio'], []],
];
const hovers = [
  ['config.yaml', 'triggers:\n  - type: dependency\n    upstream: a\n    condi|tion: on_failure\n', ['on_completion']],
  ['config.yaml', 'freshness:\n  warn_af|ter:\n    hours: 6\n', ['warning', '`30m`']],
  ['config.yaml', 'triggers:\n  - ty|pe: schedule\n    cron: daily\n', ['s3_sensor', 'file_watch']],
];
const validations = [
  ['config.yaml', 'triggers:\n  - type: schedule\n    cron: daily\n    interval: 60\n', 'Property interval is not allowed'],
  ['config.yaml', 'triggers:\n  - type: dependency\n    condition: on_success\n', 'Missing property "upstream"'],
  ['config.yaml', 'triggers:\n  - type: dependency\n    upstream: a\n    condition: on_succes\n', 'on_completion'],
  ['trigc.yaml', 'version: 1\ntargets:\n  airflow:\n    version: 4\n', 'Valid values: 2, 3'],
];

(async () => {
  for (const [name, t, want, unwanted] of completions) {
    const [text, pos] = cursor(t);
    const labels = (await service.doComplete(doc(name, text), pos, false)).items.map((i) => i.label);
    for (const w of want) if (!labels.includes(w)) failures.push(`completion ${JSON.stringify(t)} lacks '${w}' (got ${labels.join(', ')})`);
    for (const u of unwanted) if (labels.includes(u)) failures.push(`completion ${JSON.stringify(t)} offers '${u}', which that trigger type does not allow`);
  }
  for (const [name, t, want] of hovers) {
    const [text, pos] = cursor(t);
    const h = await service.doHover(doc(name, text), pos);
    const value = h ? JSON.stringify(h.contents) : '';
    for (const w of want) if (!value.includes(w)) failures.push(`hover ${JSON.stringify(t)} lacks '${w}' (got ${value.slice(0, 200)})`);
  }
  for (const [name, text, want] of validations) {
    const msgs = (await service.doValidation(doc(name, text), false)).map((d) => d.message);
    if (!msgs.some((m) => m.includes(want))) failures.push(`validation of ${JSON.stringify(text)} lacks '${want}' (got ${msgs.join(' | ')})`);
  }
  const example = path.join(root, 'examples', 'ratatouille');
  const files = [path.join(example, 'trigc.yaml')];
  const pipelines = path.join(example, 'pipelines');
  for (const d of fs.readdirSync(pipelines).sort()) {
    const f = path.join(pipelines, d, 'config.yaml');
    if (fs.existsSync(f)) files.push(f);
  }
  for (const f of files) {
    const text = fs.readFileSync(f, 'utf8');
    if (!/^# yaml-language-server: \$schema=/m.test(text)) failures.push(`${path.relative(root, f)}: no yaml-language-server modeline`);
    const diags = await service.doValidation(TextDocument.create(URI.file(f).toString(), 'yaml', 1, text), false);
    for (const d of diags) failures.push(`${path.relative(root, f)}:${d.range.start.line + 1}: ${d.message}`);
  }
  if (failures.length) {
    console.log(`editor check: ${failures.length} failure(s)`);
    for (const f of failures) console.log('  FAIL ' + f);
    process.exit(1);
  }
  console.log(`editor check: ok (${completions.length} completions, ${hovers.length} hovers, ${validations.length} validations, ${files.length} example files clean)`);
})().catch((e) => { console.log('editor check: error: ' + e.stack); process.exit(1); });
