// LSP check: starts the real yaml-language-server (pinned in tests/package-lock.json) as an editor does,
// over stdio JSON-RPC, and checks what a person typing a pipeline's config.yaml sees, set up exactly as the
// README tells users:
//   1. the schemas come from `trigc schema -o` (the binary's embedded schema, used as-is);
//   2. phase one: no workspace settings, the schema comes from the README's modeline
//      `# yaml-language-server: $schema=...` on the first line of the file;
//   3. phase two: workspace/didChangeConfiguration, answered with the README's VS Code `yaml.schemas`
//      setting, and files without a modeline (config.yaml and trigc.yaml).
// Each phase asserts: completing `type: ` offers every trigger type of the schema, each with its description;
// inside an s3_sensor trigger the keys path, pattern and interval are offered with their descriptions;
// hovering `cron` shows its schema description; wrong values get diagnostics on the right line. The example
// repository's files open without a diagnostic.
//
// Usage: node tests/schema/lsp_check.js SOURCE_DIR TRIGC
// Exits 1 on any failure, including a missing yaml-language-server; it never waits longer than TIMEOUT_MS.
'use strict';
const childProcess = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');
const { pathToFileURL } = require('url');

const TIMEOUT_MS = 60000;
const root = path.resolve(process.argv[2] || path.join(__dirname, '..', '..'));
const trigc = process.argv[3];
const serverBin = path.join(root, 'tests', 'node_modules', 'yaml-language-server', 'bin', 'yaml-language-server');
const failures = [];
const fail = (message) => {
  failures.push(message);
  return false;
};

function die(message) {
  console.log('lsp check: error: ' + message);
  process.exit(1);
}
if (!trigc) die('usage: lsp_check.js SOURCE_DIR TRIGC');
if (!fs.existsSync(serverBin)) die(`${serverBin} is missing: run 'npm ci --prefix tests' (tools/setup.sh --test does)`);

// ---- a minimal LSP client: Content-Length framed JSON-RPC over the server's stdin/stdout
class LspClient {
  constructor(command, args, onRequest) {
    this.proc = childProcess.spawn(command, args, { stdio: ['pipe', 'pipe', 'pipe'] });
    this.onRequest = onRequest;
    this.pending = new Map();
    this.nextId = 1;
    this.buffer = Buffer.alloc(0);
    this.diagnostics = new Map(); // uri -> latest diagnostics
    this.waiters = [];
    this.stderr = '';
    this.proc.stdout.on('data', (chunk) => this.receive(chunk));
    this.proc.stderr.on('data', (chunk) => { this.stderr += chunk; });
    this.proc.on('exit', (code, signal) => {
      this.exited = true;
      for (const { reject } of this.pending.values()) reject(new Error(`server exited (${code ?? signal}): ${this.stderr}`));
    });
  }
  send(message) {
    const body = Buffer.from(JSON.stringify({ jsonrpc: '2.0', ...message }), 'utf8');
    this.proc.stdin.write(`Content-Length: ${body.length}\r\n\r\n`);
    this.proc.stdin.write(body);
  }
  request(method, params) {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject, method });
      this.send({ id, method, params });
    });
  }
  notify(method, params) {
    this.send({ method, params });
  }
  receive(chunk) {
    this.buffer = Buffer.concat([this.buffer, chunk]);
    for (;;) {
      const end = this.buffer.indexOf('\r\n\r\n');
      if (end < 0) return;
      const header = this.buffer.slice(0, end).toString('ascii');
      const match = /Content-Length: *(\d+)/i.exec(header);
      if (!match) die('bad LSP header from the server: ' + header);
      const length = Number(match[1]);
      if (this.buffer.length < end + 4 + length) return;
      const message = JSON.parse(this.buffer.slice(end + 4, end + 4 + length).toString('utf8'));
      this.buffer = this.buffer.slice(end + 4 + length);
      this.dispatch(message);
    }
  }
  dispatch(message) {
    if (message.id !== undefined && message.method === undefined) {
      const call = this.pending.get(message.id);
      this.pending.delete(message.id);
      if (!call) return;
      if (message.error) call.reject(new Error(`${call.method}: ${message.error.message}`));
      else call.resolve(message.result);
    } else if (message.id !== undefined) {
      // A request from the server (workspace/configuration, client/registerCapability, ...).
      this.send({ id: message.id, result: this.onRequest(message.method, message.params) });
    } else if (message.method === 'textDocument/publishDiagnostics') {
      this.diagnostics.set(message.params.uri, message.params.diagnostics);
      this.waiters = this.waiters.filter((w) => !w(message.params.uri, message.params.diagnostics));
    }
  }
  // Resolves with the first diagnostics published for `uri` that satisfy `accept` (the latest ones may
  // already do); each didOpen/didChange is followed by a publish, even an empty one.
  diagnosticsFor(uri, accept, what) {
    return new Promise((resolve, reject) => {
      const waiter = (u, diags) => {
        if (u !== uri || !accept(diags)) return false;
        clearTimeout(timer);
        resolve(diags);
        return true;
      };
      const timer = setTimeout(() => {
        this.waiters = this.waiters.filter((w) => w !== waiter);
        const got = this.diagnostics.get(uri);
        reject(new Error(`no diagnostics for ${what} within 10 s (last: ${JSON.stringify(got && got.map((d) => d.message))})`));
      }, 10000);
      if (this.diagnostics.has(uri) && waiter(uri, this.diagnostics.get(uri))) return;
      this.waiters.push(waiter);
    });
  }
}

// ---- what the README tells users
const readme = fs.readFileSync(path.join(root, 'README.md'), 'utf8');
const modelineMatch = /^# yaml-language-server: \$schema=(\S+)$/m.exec(readme);
if (!modelineMatch) die("README.md shows no '# yaml-language-server: $schema=' modeline");
const modeline = modelineMatch[0];
const settingsBlock = [...readme.matchAll(/```json\n([\s\S]*?)```/g)].map((m) => m[1]).find((b) => b.includes('"yaml.schemas"'));
if (!settingsBlock) die('README.md shows no VS Code settings block with "yaml.schemas"');
const readmeSettings = JSON.parse(settingsBlock);

// ---- a workspace laid out as the README describes, with the schemas written by the binary
const workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'trigc-lsp-'));
process.on('exit', () => fs.rmSync(workspace, { recursive: true, force: true }));
const uriOf = (rel) => pathToFileURL(path.join(workspace, rel)).href;
function write(rel, text) {
  fs.mkdirSync(path.dirname(path.join(workspace, rel)), { recursive: true });
  fs.writeFileSync(path.join(workspace, rel), text);
}
fs.mkdirSync(path.join(workspace, 'schemas'));
for (const [args, file] of [[[], 'pipeline.schema.json'], [['--project'], 'project.schema.json']]) {
  const run = childProcess.spawnSync(trigc, ['schema', ...args, '-o', path.join(workspace, 'schemas', file)], { encoding: 'utf8' });
  if (run.status !== 0) die(`trigc schema ${args.join(' ')} -o ... failed (${run.status}): ${run.stderr}`);
}
const schema = JSON.parse(fs.readFileSync(path.join(workspace, 'schemas', 'pipeline.schema.json'), 'utf8'));
const triggerTypes = schema.definitions.trigger_type.enum;
const triggerTypeDescs = schema.definitions.trigger_type.enumDescriptions;
const triggerProps = (type) => schema.definitions.trigger.allOf.find((b) => b.if.properties.type.const === type).then.properties;
if (triggerTypes.length < 6 || triggerTypeDescs.length !== triggerTypes.length) die('the schema lists no trigger types with descriptions');

let settings = {}; // what the server gets for workspace/configuration's "yaml" section
const client = new LspClient(process.execPath, [serverBin, '--stdio'], (method, params) => {
  if (method === 'workspace/configuration') return params.items.map((item) => (item.section === 'yaml' ? settings : null));
  return null;
});
const deadline = setTimeout(() => {
  console.log(`lsp check: error: timed out after ${TIMEOUT_MS / 1000} s`);
  for (const f of failures) console.log('  FAIL ' + f);
  client.proc.kill('SIGKILL');
  process.exit(1);
}, TIMEOUT_MS);

// ---- probes
let version = 0;
function open(rel, text) {
  write(rel, text);
  version += 1;
  client.notify('textDocument/didOpen', { textDocument: { uri: uriOf(rel), languageId: 'yaml', version, text } });
  return uriOf(rel);
}
function close(uri) {
  client.notify('textDocument/didClose', { textDocument: { uri } });
}
// '|' marks the cursor: returns the text without it and the LSP position.
function cursor(text) {
  const i = text.indexOf('|');
  const lines = text.slice(0, i).split('\n');
  return [text.slice(0, i) + text.slice(i + 1), { line: lines.length - 1, character: lines[lines.length - 1].length }];
}
const docText = (doc) => (doc === undefined ? '' : typeof doc === 'string' ? doc : doc.value || '');

async function complete(rel, textWithCursor) {
  const [text, position] = cursor(textWithCursor);
  const uri = open(rel, text);
  const result = await client.request('textDocument/completion', { textDocument: { uri }, position });
  close(uri);
  return Array.isArray(result) ? result : (result && result.items) || [];
}

// Every item of `want` must be offered, with documentation containing its description.
function expectItems(what, items, want) {
  for (const [label, description] of want) {
    const item = items.find((i) => i.label === label);
    if (!item) fail(`${what}: '${label}' is not offered (got ${items.map((i) => i.label).join(', ')})`);
    else if (!docText(item.documentation).includes(description)) fail(`${what}: '${label}' lacks its description ${JSON.stringify(description)} (got ${JSON.stringify(docText(item.documentation))})`);
  }
}

// Every probe is its own file (pipelines/<dir>_<n>/config.yaml), so that no late message about an earlier probe
// can be taken for an answer about this one.
let probes = 0;
const probeFile = (dir) => `pipelines/${dir}_${++probes}/config.yaml`;

async function checkPhase(phase, dir, header) {
  // Wait until the schema is in force: a probe with a wrong type gets a diagnostic.
  const ready = open(probeFile(dir), `${header}triggers:\n  - type: s3_sensr\n`);
  const inForce = await client.diagnosticsFor(ready, (d) => d.length > 0, `${phase}: a file with a wrong trigger type`).then(() => true, (e) => fail(e.message));
  close(ready);
  if (!inForce) return;
  const typeItems = await complete(probeFile(dir), `${header}triggers:\n  - type: |\n`);
  expectItems(`${phase}: completion at 'type: '`, typeItems, triggerTypes.map((t, i) => [t, triggerTypeDescs[i]]));

  const s3 = triggerProps('s3_sensor');
  const s3Items = await complete(probeFile(dir), `${header}triggers:\n  - type: s3_sensor\n    |\n`);
  expectItems(`${phase}: completion inside an s3_sensor trigger`, s3Items, ['path', 'pattern', 'interval'].map((k) => [k, s3[k].description]));
  for (const k of ['cron', 'upstream', 'endpoint']) if (s3Items.some((i) => i.label === k)) fail(`${phase}: completion inside an s3_sensor trigger offers '${k}', which s3_sensor does not allow`);

  const [hoverText, position] = cursor(`${header}triggers:\n  - type: schedule\n    cr|on: "0 6 * * *"\n`);
  const hoverUri = open(probeFile(dir), hoverText);
  const hover = await client.request('textDocument/hover', { textDocument: { uri: hoverUri }, position });
  close(hoverUri);
  const shown = hover ? docText(hover.contents) : '';
  if (!shown.includes(triggerProps('schedule').cron.description)) fail(`${phase}: hover on 'cron' lacks its description (got ${JSON.stringify(shown.slice(0, 300))})`);

  const headerLines = header.split('\n').length - 1;
  const wrong = [
    ['type: s3_sensr', `triggers:\n  - type: s3_sensr\n    path: bronze/sales/\n`, 1, 's3_sensor'],
    ['interval: sixty', `triggers:\n  - type: s3_sensor\n    path: bronze/sales/\n    interval: sixty\n`, 3, 'integer'],
    ['an unknown key', `triggers:\n  - type: schedule\n    cron: daily\n    intervall: 60\n`, 3, 'intervall'],
  ];
  for (const [what, body, line, word] of wrong) {
    const uri = open(probeFile(dir), header + body);
    try {
      const diags = await client.diagnosticsFor(uri, (d) => d.length > 0, `${phase}: ${what}`);
      const hit = diags.find((d) => d.range.start.line === headerLines + line);
      if (!hit) fail(`${phase}: ${what}: no diagnostic on line ${headerLines + line + 1} (got ${JSON.stringify(diags.map((d) => [d.range.start.line + 1, d.message]))})`);
      else if (!hit.message.includes(word)) fail(`${phase}: ${what}: the diagnostic does not mention '${word}' (got ${JSON.stringify(hit.message)})`);
    } catch (e) {
      fail(e.message);
    }
    close(uri);
  }
  return true;
}

async function expectClean(what, uri) {
  try {
    await client.diagnosticsFor(uri, (d) => d.length === 0, what);
  } catch (e) {
    fail(e.message);
  }
}

(async () => {
  await client.request('initialize', {
    processId: process.pid,
    rootUri: pathToFileURL(workspace).href,
    workspaceFolders: [{ uri: pathToFileURL(workspace).href, name: 'repo' }],
    capabilities: {
      workspace: { configuration: true, didChangeConfiguration: { dynamicRegistration: true } },
      textDocument: {
        completion: { completionItem: { snippetSupport: true, documentationFormat: ['markdown', 'plaintext'] } },
        hover: { contentFormat: ['markdown', 'plaintext'] },
        publishDiagnostics: {},
      },
    },
  });
  client.notify('initialized', {});

  // Phase one: no settings, only the README's modeline.
  await checkPhase('modeline', 'sales', modeline + '\n');
  const noSchema = open('pipelines/noschema/config.yaml', 'triggers:\n  - type: s3_sensr\n');
  await client.diagnosticsFor(noSchema, () => true, 'a file without schema').then((d) => {
    if (d.length) fail(`without a modeline or settings the server should know no schema, yet it reports ${JSON.stringify(d.map((x) => x.message))}`);
  }, (e) => fail(e.message));
  close(noSchema);

  // Phase two: the README's VS Code settings, sent as a configuration change, and files without a modeline.
  settings = { schemas: readmeSettings['yaml.schemas'], validate: true, hover: true, completion: true };
  client.notify('workspace/didChangeConfiguration', { settings: { yaml: settings } });
  // The server pulls the new settings (workspace/configuration); checkPhase waits until a file without a
  // modeline gets a diagnostic, i.e. until the setting is in force.
  if (await checkPhase('yaml.schemas', 'orders', '')) {
    const project = open('trigc.yaml', 'version: 1\ntargets:\n  airflow:\n    version: 4\n');
    await client.diagnosticsFor(project, (d) => d.length > 0, 'yaml.schemas: trigc.yaml with airflow version 4').then((d) => {
      if (!d.some((x) => x.range.start.line === 3)) fail(`yaml.schemas: trigc.yaml: no diagnostic on 'version: 4' (got ${JSON.stringify(d.map((x) => [x.range.start.line + 1, x.message]))})`);
    }, (e) => fail(e.message));
    close(project);
  }

  // The example repository, through its own modelines: no diagnostic in any file.
  const example = path.join(root, 'examples', 'ratatouille');
  const files = [path.join(example, 'trigc.yaml')];
  for (const d of fs.readdirSync(path.join(example, 'pipelines')).sort()) {
    const f = path.join(example, 'pipelines', d, 'config.yaml');
    if (fs.existsSync(f)) files.push(f);
  }
  await Promise.all(files.map((f) => {
    const uri = pathToFileURL(f).href;
    version += 1;
    client.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'yaml', version, text: fs.readFileSync(f, 'utf8') } });
    return expectClean(path.relative(root, f), uri);
  }));

  await client.request('shutdown', null);
  client.notify('exit', null);
  clearTimeout(deadline);
  if (failures.length) {
    console.log(`lsp check: ${failures.length} failure(s)`);
    for (const f of failures) console.log('  FAIL ' + f);
    process.exit(1);
  }
  console.log(`lsp check: ok (yaml-language-server over stdio; ${triggerTypes.length} trigger types; modeline and yaml.schemas; ${files.length} example files clean)`);
})().catch((e) => {
  console.log('lsp check: error: ' + e.stack);
  client.proc.kill('SIGKILL');
  process.exit(1);
});
