// Config files: discovery, formats, one-line errors naming the key, env references, merging, init, the JSON Schema.
import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, it } from 'node:test';
import YAML from 'yaml';
import { configJsonSchema } from '../../../src/config/config-schema.js';
import { starterConfig, writeStarterConfig } from '../../../src/config/init-template.js';
import { loadConfig, planSites, siteSlug, validateConfig } from '../../../src/config/load-config.js';
import { resolveOptions } from '../../../src/config/resolve-options.js';
import { clearSecrets, scrubText } from '../../../src/auth/secrets.js';
import { WelcomematError } from '../../../src/errors.js';
import { repoRoot } from '../../helpers/run-cli.js';

async function tempDir(files: Record<string, string>): Promise<string> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'wm-config-'));
  for (const [name, text] of Object.entries(files)) await fs.writeFile(path.join(dir, name), text);
  return dir;
}

async function configError(files: Record<string, string>, env: NodeJS.ProcessEnv = {}): Promise<string> {
  const dir = await tempDir(files);
  try {
    await loadConfig({ cwd: dir, env });
  } catch (error) {
    assert.ok(error instanceof WelcomematError);
    assert.equal(error.exitCode, 2);
    assert.doesNotMatch(error.message, /\n/, 'one line');
    return error.message;
  }
  assert.fail('expected a config error');
}

describe('config discovery and formats', () => {
  it('finds welcomemat.config.yaml before package.json', async () => {
    const dir = await tempDir({ 'welcomemat.config.yaml': 'urls: [https://a.example/]\n', 'package.json': '{"welcomemat":{"urls":["https://b.example/"]}}' });
    const loaded = await loadConfig({ cwd: dir });
    assert.equal(path.basename(loaded!.file), 'welcomemat.config.yaml');
    assert.deepEqual(loaded!.config.urls, ['https://a.example/']);
  });

  it('reads JSON, .welcomematrc, and the "welcomemat" key of package.json', async () => {
    assert.deepEqual((await loadConfig({ cwd: await tempDir({ 'welcomemat.config.json': '{"maxPages": 3}' }) }))!.config, { maxPages: 3 });
    assert.deepEqual((await loadConfig({ cwd: await tempDir({ '.welcomematrc': 'maxPages: 4' }) }))!.config, { maxPages: 4 });
    assert.deepEqual((await loadConfig({ cwd: await tempDir({ 'package.json': '{"name":"x","welcomemat":{"maxPages":5}}' }) }))!.config, { maxPages: 5 });
    assert.equal(await loadConfig({ cwd: await tempDir({ 'package.json': '{"name":"x"}' }) }), undefined);
  });

  it('loads JS and TypeScript modules (default export object or function)', async () => {
    const mjs = await tempDir({ 'welcomemat.config.mjs': 'export default async () => ({ maxPages: 6 });\n' });
    assert.deepEqual((await loadConfig({ cwd: mjs }))!.config, { maxPages: 6 });
    const ts = await tempDir({ 'welcomemat.config.ts': 'const pages: number = 7;\nexport default { maxPages: pages };\n' });
    assert.deepEqual((await loadConfig({ cwd: ts }))!.config, { maxPages: 7 });
  });

  it('an explicit --config path must exist', async () => {
    await assert.rejects(loadConfig({ configPath: 'nope.yaml', cwd: os.tmpdir() }), /config file nope\.yaml does not exist/);
  });
});

describe('config errors name the key and why, in one line', () => {
  it('unknown keys, with a suggestion', async () => {
    const message = await configError({ 'welcomemat.config.yaml': 'sites:\n  - name: a\n    urls: [https://a.example/]\n    maxPage: 3\n' });
    assert.match(message, /sites\.0: unknown key "maxPage" \(did you mean "maxPages"\?\)/);
  });
  it('wrong types', async () => {
    assert.match(await configError({ 'welcomemat.config.yaml': 'maxPages: lots\n' }), /maxPages: must be a whole number of 1 or more, got "lots"/);
    assert.match(await configError({ 'welcomemat.config.yaml': 'gate: { failOn: bad }\n' }), /gate\.failOn: /);
    assert.match(await configError({ 'welcomemat.config.yaml': 'auth: { login: { steps: [ { hover: "#x" } ] } }\n' }), /auth\.login\.steps\.0: a login step is one of/);
  });
  it('values out of range say what would be valid', async () => {
    const cases: [string, RegExp][] = [
      ['maxPages: -3\n', /config welcomemat\.config\.yaml: maxPages: must be a whole number of 1 or more, got -3$/],
      ['maxDepth: 1.5\n', /maxDepth: must be a whole number of 0 or more, got 1\.5$/],
      ['interaction: { maxPages: -1 }\n', /interaction\.maxPages: must be a whole number of 0 or more, got -1$/],
      ['output: { formats: [html, docx] }\n', /output\.formats\.1: must be one of html, json, csv, sarif, junit, md, pdf, conformance, statement, acr, got "docx"$/],
      ['output: { retention: 0 }\n', /output\.retention: must be a whole number of 1 or more, got 0$/],
      ['report: { locale: fr }\n', /report\.locale: must be one of en, es, got "fr"$/],
      ['report: { pdf: everything }\n', /report\.pdf: /],
      ['gate: { maxViolations: -1 }\n', /gate\.maxViolations: must be a whole number of 0 or more, got -1$/],
      ['schedule: { cron: "every monday" }\n', /schedule\.cron: must be a cron expression of five to seven fields such as "0 6 \* \* 1", got "every monday"/],
      ['schedule: { cron: "0 6 * * 1", timezone: Mars/Base }\n', /schedule\.timezone: must be an IANA time zone such as Europe\/Berlin, got "Mars\/Base"$/],
      ['webhook: { url: "ftp://example.com/" }\n', /webhook\.url: must be an http or https URL, got "ftp:\/\/example\.com\/"$/],
      ['sites: [{ name: a, urls: [https://a.example/], lighthouse: { pages: -2 } }]\n', /sites\.0\.lighthouse\.pages: must be a whole number of 0 or more, got -2$/],
    ];
    for (const [text, pattern] of cases) assert.match(await configError({ 'welcomemat.config.yaml': text }), pattern, text);
  });
  it('YAML and JSON syntax errors, with the line', async () => {
    assert.match(await configError({ 'welcomemat.config.yaml': 'urls: [https://a.example/]\n  x: [\n' }), /not valid YAML at line \d+/);
    assert.match(await configError({ 'welcomemat.config.json': '{"maxPages": }' }), /not valid JSON/);
  });
  it('a missing environment variable names the key and the variable', async () => {
    const message = await configError({ 'welcomemat.config.yaml': 'urls: [https://a.example/]\nauth: { basic: { username: u, password: { env: WM_TEST_UNSET } } }\n' });
    assert.match(message, /auth\.basic\.password: environment variable WM_TEST_UNSET is not set/);
  });
  it('two sites with the same name', () => {
    assert.throws(() => planSites(validateConfig({ sites: [{ name: 'A', urls: ['https://a.example/'] }, { name: 'a', urls: ['https://b.example/'] }] })), /two sites share the name/);
  });
});

describe('env references and secrets', () => {
  it('resolves ${env:NAME} and { env: NAME } and registers the values as secrets', async () => {
    clearSecrets();
    const dir = await tempDir({
      'welcomemat.config.yaml': 'urls: ["https://a.example/"]\nauth:\n  headers: { Authorization: "Bearer ${env:WM_TOKEN}" }\n  basic: { username: me, password: { env: WM_PW } }\n',
    });
    const loaded = await loadConfig({ cwd: dir, env: { WM_TOKEN: 'tok-123456', WM_PW: 'pw-abcdef' } });
    assert.equal(loaded!.config.auth!.headers!.Authorization, 'Bearer tok-123456');
    assert.equal(loaded!.config.auth!.basic!.password, 'pw-abcdef');
    assert.equal(scrubText('x tok-123456 y pw-abcdef'), 'x [redacted] y [redacted]');
    const options = resolveOptions({ ...planSites(loaded!.config)[0].options });
    const { redactOptions } = await import('../../../src/config/resolve-options.js');
    const recorded = JSON.stringify(redactOptions(options));
    assert.doesNotMatch(recorded, /tok-123456|pw-abcdef/);
  });
});

describe('merging sites', () => {
  it('top-level options are defaults, site options and then CLI flags override; relative paths follow the config file', async () => {
    const dir = await tempDir({
      'welcomemat.config.yaml': [
        'maxPages: 10',
        'scope: { exclude: ["/blog/**"] }',
        'branding: { name: Agency }',
        'gate: { failOn: serious, accepted: accepted.yaml }',
        'sites:',
        '  - name: Crumb & Kettle',
        '    urls: [https://a.example/]',
        '    scope: { subdomains: true }',
        '  - name: Other',
        '    urls: [https://b.example/]',
        '    maxPages: 3',
        '    branding: { color: "#000" }',
        '    gate: { failOn: critical }',
      ].join('\n'),
    });
    const { config } = (await loadConfig({ cwd: dir }))!;
    const [first, second] = planSites(config, { maxDepth: 2 });
    assert.equal(first.name, 'Crumb & Kettle');
    assert.equal(siteSlug(first.name), 'crumb-kettle');
    assert.deepEqual(first.options.scope, { exclude: ['/blog/**'], subdomains: true });
    assert.equal(first.options.maxPages, 10);
    assert.equal(first.options.maxDepth, 2);
    assert.equal(second.options.maxPages, 3);
    assert.deepEqual(second.branding, { name: 'Agency', color: '#000' });
    assert.equal(second.gate.failOn, 'critical');
    assert.equal(second.gate.accepted, path.join(dir, 'accepted.yaml'));
    // The merged options are valid audit options.
    assert.equal(resolveOptions(first.options).maxPages, 10);
  });

  it('logout links are excluded by default and the pattern can be switched off', () => {
    const on = resolveOptions({ urls: ['https://a.example/'] });
    assert.ok(on.scope.exclude.some((pattern) => /log-\?out/.test(pattern)));
    const off = resolveOptions({ urls: ['https://a.example/'], scope: { excludeLogout: false } });
    assert.deepEqual(off.scope.exclude, []);
  });
});

describe('welcomemat init and the JSON Schema', () => {
  it('the starter config is commented YAML that validates', async () => {
    const text = starterConfig('https://shop.example/');
    assert.match(text, /^# yaml-language-server: \$schema=/);
    assert.ok(text.split('\n').filter((line) => line.trim().startsWith('#')).length > 20, 'commented');
    const config = validateConfig(YAML.parse(text));
    assert.deepEqual(planSites(config)[0].options.urls, ['https://shop.example/']);
    const dir = await tempDir({});
    await writeStarterConfig(path.join(dir, 'w.yaml'));
    await assert.rejects(writeStarterConfig(path.join(dir, 'w.yaml')), /already exists/);
  });

  it('schema/config.schema.json is up to date (regenerate with npm run schema:config)', async () => {
    const committed = JSON.parse(await fs.readFile(path.join(repoRoot, 'schema', 'config.schema.json'), 'utf8'));
    assert.deepEqual(committed, JSON.parse(JSON.stringify(configJsonSchema())));
    assert.equal(committed.additionalProperties, false, 'editors flag unknown keys');
    assert.ok(committed.properties.sites, 'sites are described');
  });
});
