/**
 * The dependency audit: what `npm audit --json` printed (recorded from npm 11 in scripts/fixtures/
 * npm-audit/: a report of a small tree with a critical and a high production advisory, a package
 * affected through one of them, and a moderate dev-only one; the answers of an unreachable audit
 * service and of a project without a lockfile) compared with a triage list; then the whole script,
 * running the real npm against a registry on this machine that answers audits, or refuses them.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';

import { localServerForTests } from '../sandbox/test/localServer';
import { auditDependencies } from './auditDependencies';
import {
  compareWithTriage,
  developmentOnly,
  findingsOf,
  parseAuditOutput,
  parseTriage,
  type Finding,
  type TriageEntry,
} from './auditReport';

const fixture = (name: string) => fs.readFileSync(path.join(__dirname, 'fixtures', 'npm-audit', name), 'utf8');

function reportOf(name: string): Finding[] {
  const outcome = parseAuditOutput(fixture(name));
  if (outcome.kind !== 'report') throw new Error(`${name} is not a report: ${JSON.stringify(outcome)}`);
  return outcome.findings;
}

const summary = (findings: Finding[]) => findings.map((f) => `${f.severity} ${f.package} ${f.advisory} fix:${f.fix}`);

const CRITICAL = 'GHSA-gggg-hhhh-jjjj';
const HIGH = 'GHSA-aaaa-bbbb-cccc';
const MODERATE = 'GHSA-dddd-eeee-ffff';

function entry(overrides: Partial<TriageEntry>): TriageEntry {
  return {
    package: 'vuln-lib',
    advisory: HIGH,
    severity: 'high',
    scope: 'production',
    decision: 'planned',
    reason: 'Upgrade with the next release.',
    reviewed: '2026-12-01',
    ...overrides,
  };
}

describe('reading npm audit --json', () => {
  test('a report: one finding per advisory, most severe first; a package affected through another is not one', () => {
    expect(summary(reportOf('whole-tree.json'))).toEqual([
      `critical evil-pkg ${CRITICAL} fix:none`,
      `high vuln-lib ${HIGH} fix:npm audit fix`,
      `moderate dev-tool ${MODERATE} fix:none`,
    ]);
    const [, high] = reportOf('whole-tree.json');
    expect(high).toMatchObject({
      title: 'Prototype pollution in vuln-lib',
      url: `https://github.com/advisories/${HIGH}`,
      range: '<1.2.0',
      nodes: ['node_modules/vuln-lib'],
    });
  });

  test('the dev tools’ findings are the whole tree’s less the production tree’s', () => {
    const production = reportOf('production-tree.json');
    expect(summary(production)).toEqual([
      `critical evil-pkg ${CRITICAL} fix:none`,
      `high vuln-lib ${HIGH} fix:npm audit fix`,
    ]);
    expect(summary(developmentOnly(production, reportOf('whole-tree.json')))).toEqual([
      `moderate dev-tool ${MODERATE} fix:none`,
    ]);
  });

  test('a named fix, an advisory without a GHSA id, an unknown severity (taken as critical)', () => {
    const findings = findingsOf({
      a: {
        via: [{ source: 1234, name: 'a', title: 'Old advisory', url: 'https://example.com/1234', severity: 'low' }],
        fixAvailable: { name: 'parent', version: '3.0.0', isSemVerMajor: true },
      },
      b: { via: [{ source: 99, name: 'b', url: 'https://github.com/advisories/GHSA-1234-5678-9abc', severity: 'x' }] },
    });
    expect(summary(findings)).toEqual([
      'critical b GHSA-1234-5678-9abc fix:none',
      'low a npm-1234 fix:parent@3.0.0 (semver major)',
    ]);
  });

  test.each([
    ['the registry refusing the audit endpoint (405)', 'endpoint-405.json', /^405 Method Not Allowed - POST /],
    ['no registry listening', 'connection-refused.json', /ECONNREFUSED/],
  ])('%s: the audit did not run', (_what, name, reason) => {
    const outcome = parseAuditOutput(fixture(name));
    expect(outcome).toEqual({ kind: 'unreachable', reason: expect.stringMatching(reason) });
  });

  test('no lockfile, or output that is not npm’s JSON: the audit failed (not a network matter)', () => {
    expect(parseAuditOutput(fixture('no-lockfile.json'))).toEqual({
      kind: 'failed',
      reason: 'ENOLOCK: This command requires an existing lockfile.',
    });
    expect(parseAuditOutput('npm ERR! something')).toMatchObject({ kind: 'failed' });
    expect(parseAuditOutput('')).toMatchObject({ kind: 'failed' });
    expect(parseAuditOutput('[]')).toMatchObject({ kind: 'failed' });
  });
});

describe('comparing with the triage list', () => {
  const byScope = () => ({
    production: reportOf('production-tree.json'),
    development: developmentOnly(reportOf('production-tree.json'), reportOf('whole-tree.json')),
  });
  const blocking = (triage: TriageEntry[], scopes = byScope()) =>
    compareWithTriage(scopes, triage)
      .findings.filter((f) => f.blocking)
      .map((f) => `${f.scope} ${f.package}`);

  test('untriaged high and critical production findings block; a moderate dev one does not', () => {
    expect(blocking([])).toEqual(['production evil-pkg', 'production vuln-lib']);
  });

  test('a triaged finding does not block, and carries its entry', () => {
    const triage = [entry({}), entry({ package: 'evil-pkg', advisory: CRITICAL, severity: 'critical' })];
    expect(blocking(triage)).toEqual([]);
    const { findings } = compareWithTriage(byScope(), triage);
    expect(findings.find((f) => f.package === 'vuln-lib')?.triage).toEqual(triage[0]);
  });

  test('an entry matches its package and advisory, both', () => {
    expect(blocking([entry({ package: 'other' }), entry({ advisory: CRITICAL })])).toEqual([
      'production evil-pkg',
      'production vuln-lib',
    ]);
  });

  test('dev tools: critical blocks, high does not', () => {
    const [critical, high] = reportOf('production-tree.json');
    expect(blocking([], { production: [], development: [critical, high] })).toEqual(['development evil-pkg']);
  });

  test('entries no finding matches are returned as stale', () => {
    const gone = entry({ package: 'left-pad', advisory: 'GHSA-zzzz-zzzz-zzzz' });
    expect(compareWithTriage(byScope(), [entry({}), gone]).stale).toEqual([gone]);
  });

  test('the project’s triage list is valid; a broken entry is refused with what is wrong', () => {
    const project = JSON.parse(fs.readFileSync(path.join(__dirname, '..', 'docs', 'security-triage.json'), 'utf8'));
    expect(Array.isArray(parseTriage(project))).toBe(true);
    expect(parseTriage({ findings: [entry({})] })).toEqual([entry({})]);
    expect(() => parseTriage({})).toThrow(/no "findings" array/);
    expect(() => parseTriage({ findings: [entry({ decision: 'ignore' as never })] })).toThrow(/entry 1: "decision"/);
    expect(() => parseTriage({ findings: [entry({}), entry({ reason: '' })] })).toThrow(/entry 2: "reason"/);
    expect(() => parseTriage({ findings: [entry({ reviewed: 'yesterday' })] })).toThrow(/"reviewed"/);
    expect(() => parseTriage({ findings: [entry({ scope: 'ci' as never })] })).toThrow(/"scope"/);
  });
});

// -------------------------------------------------------------------------------------------------

/**
 * A registry on this machine for npm to audit against: it answers the advisories endpoint with
 * `advisories` (or 405, as some networks do), and the package documents npm reads to work out fixes.
 */
function localRegistry() {
  const state = {
    refuseAudit: false,
    get url() {
      return server.url();
    },
  };
  const advisory = (id: number, ghsa: string, title: string, severity: string, range: string) => ({
    id,
    url: `https://github.com/advisories/${ghsa}`,
    title,
    severity,
    vulnerable_versions: range,
    cwe: [],
    cvss: { score: 0, vectorString: null },
  });
  const advisories: Record<string, unknown[]> = {
    'vuln-lib': [advisory(1, HIGH, 'Prototype pollution in vuln-lib', 'high', '<1.2.0')],
    'evil-pkg': [advisory(2, CRITICAL, 'Malware in evil-pkg', 'critical', '>=0')],
    'dev-tool': [advisory(3, MODERATE, 'ReDoS in dev-tool', 'moderate', '<=1.0.0')],
  };
  const versions: Record<string, Record<string, Record<string, string>>> = {
    'parent-pkg': { '1.0.0': { 'vuln-lib': '1.0.0' }, '1.1.0': { 'vuln-lib': '^1.2.0' } },
    'vuln-lib': { '1.0.0': {}, '1.2.0': {} },
    'evil-pkg': { '2.0.0': {} },
    'dev-tool': { '1.0.0': {} },
  };
  const tarball = (name: string, version: string) => `${state.url}/${name}/-/${name}-${version}.tgz`;
  const packument = (name: string) => ({
    name,
    'dist-tags': { latest: Object.keys(versions[name]).at(-1) },
    versions: Object.fromEntries(
      Object.entries(versions[name]).map(([version, dependencies]) => [
        version,
        { name, version, dependencies, dist: { tarball: tarball(name, version) } },
      ]),
    ),
  });

  const server = localServerForTests((req, body, res) => {
    const send = (status: number, answer: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(answer === undefined ? '' : JSON.stringify(answer));
    };
    if (req.url?.startsWith('/-/npm/v1/security/advisories/bulk')) {
      if (state.refuseAudit || req.method !== 'POST') return send(405, undefined);
      const asked = JSON.parse((body[0] === 0x1f ? zlib.gunzipSync(body) : body).toString()) as object;
      return send(
        200,
        Object.fromEntries(Object.keys(asked).flatMap((n) => (advisories[n] ? [[n, advisories[n]]] : []))),
      );
    }
    const name = decodeURIComponent((req.url ?? '/').slice(1));
    return versions[name] ? send(200, packument(name)) : send(404, { error: 'Not found' });
  });

  return {
    state,
    /** A project whose lockfile has the packages above: one dev dependency, the rest production. */
    project(dir: string): void {
      const dependencies = { 'parent-pkg': '^1.0.0', 'evil-pkg': '^2.0.0' };
      const devDependencies = { 'dev-tool': '^1.0.0' };
      const installed = (name: string, version: string, more: object = {}) => ({
        version,
        resolved: tarball(name, version),
        ...more,
      });
      const manifest = { name: 'audited', version: '1.0.0', dependencies, devDependencies };
      const lock = {
        name: 'audited',
        version: '1.0.0',
        lockfileVersion: 3,
        requires: true,
        packages: {
          '': manifest,
          'node_modules/parent-pkg': installed('parent-pkg', '1.0.0', { dependencies: { 'vuln-lib': '1.0.0' } }),
          'node_modules/vuln-lib': installed('vuln-lib', '1.0.0'),
          'node_modules/evil-pkg': installed('evil-pkg', '2.0.0'),
          'node_modules/dev-tool': installed('dev-tool', '1.0.0', { dev: true }),
        },
      };
      fs.writeFileSync(path.join(dir, 'package.json'), JSON.stringify(manifest));
      fs.writeFileSync(path.join(dir, 'package-lock.json'), JSON.stringify(lock));
    },
  };
}

describe('npm run audit:deps, with the real npm', () => {
  const registry = localRegistry();
  let dir: string;
  let printed: string[];
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'audit-deps-'));
    registry.project(dir);
    registry.state.refuseAudit = false;
    printed = [];
    const keep = (...args: unknown[]) => void printed.push(args.map(String).join(' '));
    jest.spyOn(console, 'log').mockImplementation(keep);
    jest.spyOn(console, 'error').mockImplementation(keep);
  });
  afterEach(() => {
    jest.restoreAllMocks();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const run = (triage: TriageEntry[], env: NodeJS.ProcessEnv = {}) => {
    const triageFile = path.join(dir, 'security-triage.json');
    fs.writeFileSync(triageFile, JSON.stringify({ findings: triage }));
    return auditDependencies({
      cwd: dir,
      triageFile,
      // Its own cache, so nothing from (or for) the real registry is read or kept.
      env: {
        ...process.env,
        npm_config_registry: registry.state.url,
        npm_config_cache: path.join(dir, 'cache'),
        ...env,
      },
    });
  };

  test('untriaged production findings fail it; every finding is printed, by tree', async () => {
    expect(await run([])).toBe(1);
    expect(printed).toEqual([
      'Dependency audit, production tree (what ships): 2 advisories: 1 critical, 1 high.',
      expect.stringMatching(new RegExp(`^  critical evil-pkg ${CRITICAL} .* UNTRIAGED — blocks$`)),
      expect.stringMatching(
        new RegExp(`^  high     vuln-lib ${HIGH} .*\\(fix: npm audit fix\\) — UNTRIAGED — blocks$`),
      ),
      expect.stringMatching(/^Dependency audit, dev tools only .*: 1 advisory: 1 moderate\.$/),
      expect.stringMatching(new RegExp(`^  moderate dev-tool ${MODERATE} .* untriaged, below the blocking severity$`)),
      expect.stringMatching(/^DEPENDENCY AUDIT FAILED: 2 untriaged findings .*evil-pkg .*vuln-lib/),
    ]);
  }, 60_000);

  test('with the findings triaged it passes, and names triage entries no longer needed', async () => {
    const triage = [
      entry({ package: 'evil-pkg', advisory: CRITICAL, severity: 'critical', decision: 'accepted', reason: 'Test.' }),
      entry({}),
      entry({ package: 'left-pad', advisory: 'GHSA-zzzz-zzzz-zzzz' }),
    ];
    expect(await run(triage)).toBe(0);
    expect(printed).toContainEqual(expect.stringMatching(/evil-pkg .* triaged accepted \(2026-12-01\): Test\.$/));
    expect(printed).toContainEqual(expect.stringMatching(/no longer found .*: left-pad GHSA-zzzz-zzzz-zzzz$/));
    expect(printed.at(-1)).toMatch(/^Dependency audit passed: 3 advisories, none untriaged/);
  }, 60_000);

  test('a registry refusing audits: one loud line, exit 0 — or 1 with REQUIRE_AUDIT=1', async () => {
    registry.state.refuseAudit = true;
    expect(await run([])).toBe(0);
    expect(await run([], { REQUIRE_AUDIT: '1' })).toBe(1);
    expect(printed.map((line) => line.trim())).toEqual([
      expect.stringMatching(
        /^!!! DEPENDENCY AUDIT NOT RUN: .*\(405 Method Not Allowed - POST .*\).*not a pass\. Set REQUIRE_AUDIT=1/,
      ),
      expect.stringMatching(/^!!! DEPENDENCY AUDIT NOT RUN: .*REQUIRE_AUDIT=1: a failure\.$/),
    ]);
  }, 60_000);

  test('an offline setting in the environment does not turn the audit into an empty pass', async () => {
    expect(await run([], { npm_config_offline: 'true' })).toBe(1);
    expect(printed.at(-1)).toMatch(/^DEPENDENCY AUDIT FAILED: 2 untriaged findings/);
  }, 60_000);

  test('a broken triage list fails it before npm runs', async () => {
    registry.state.refuseAudit = true; // would exit 0 if npm ran
    expect(await run([entry({ severity: 'severe' as never })])).toBe(1);
    expect(printed).toEqual([
      expect.stringMatching(/^DEPENDENCY AUDIT FAILED: .* is not a valid triage list: .*"severity"/),
    ]);
  });
});
