/**
 * `npm run audit:deps`: the dependency audit. Runs `npm audit --json` on the production tree
 * (`--omit=dev`: the plugin's and the Functions' runtime dependencies) and on the whole tree (the dev
 * tools, reported separately), compares the findings with the triage list docs/security-triage.json
 * (docs/SECURITY.md, "Dependency triage"), prints every finding, and fails on an untriaged one at or
 * above its tree's blocking severity (scripts/auditReport.ts: high in production, critical in dev).
 *
 * npm audit asks the registry (a POST to its advisories endpoint). When that cannot be reached —
 * some networks let only GETs through to the registry — the audit has not run: one loud line says
 * so and why, and the exit code is 0 (a network CI cannot change must not fail every run), unless
 * REQUIRE_AUDIT=1, which makes it a failure. Either way it is never reported as a pass.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

import {
  BLOCKING_SEVERITY,
  compareWithTriage,
  developmentOnly,
  parseAuditOutput,
  parseTriage,
  SEVERITIES,
  type AuditOutcome,
  type Finding,
  type Scope,
  type ScopedFinding,
  type TriageEntry,
} from './auditReport';

const root = path.resolve(__dirname, '..');
export const TRIAGE_FILE = path.join(root, 'docs', 'security-triage.json');
/** npm audit of a large tree takes seconds; past this the service is taken as not answering. */
const AUDIT_TIMEOUT_MS = 5 * 60 * 1000;

export interface AuditOptions {
  /** The project to audit (its package-lock.json). */
  cwd?: string;
  triageFile?: string;
  /** The environment npm runs with (npm_config_registry…) and REQUIRE_AUDIT is read from. */
  env?: NodeJS.ProcessEnv;
}

/** Runs `npm audit --json` (asynchronously: a caller's event loop may be serving the registry). */
function npmAudit(cwd: string, env: NodeJS.ProcessEnv, omitDev: boolean): Promise<AuditOutcome> {
  // An `offline` setting (.npmrc, npm_config_offline) makes npm audit print an empty report: a false pass.
  const args = ['audit', '--json', '--offline=false', ...(omitDev ? ['--omit=dev'] : [])];
  return new Promise((resolve) => {
    const child = spawn('npm', args, { cwd, env, stdio: ['ignore', 'pipe', 'ignore'], timeout: AUDIT_TIMEOUT_MS });
    const chunks: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => chunks.push(chunk));
    child.on('error', (error) => resolve({ kind: 'failed', reason: `npm could not be started: ${error.message}` }));
    // npm audit exits 1 when it finds anything: its JSON, not its exit code, says what happened.
    child.on('close', (_code, signal) => {
      if (signal) resolve({ kind: 'unreachable', reason: `npm audit did not finish in ${AUDIT_TIMEOUT_MS / 1000} s` });
      else resolve(parseAuditOutput(Buffer.concat(chunks).toString('utf8')));
    });
  });
}

const SCOPE_TITLE: Record<Scope, string> = {
  production: 'production tree (what ships)',
  development: 'dev tools only (the whole tree less the production tree)',
};

function countBySeverity(findings: Finding[]): string {
  if (findings.length === 0) return 'no advisories';
  const counts = [...SEVERITIES]
    .reverse()
    .map((severity) => [severity, findings.filter((f) => f.severity === severity).length] as const)
    .filter(([, count]) => count > 0)
    .map(([severity, count]) => `${count} ${severity}`);
  return `${findings.length} ${findings.length === 1 ? 'advisory' : 'advisories'}: ${counts.join(', ')}`;
}

function describe(finding: ScopedFinding): string {
  const status = finding.triage
    ? `triaged ${finding.triage.decision} (${finding.triage.reviewed}): ${finding.triage.reason}`
    : finding.blocking
      ? 'UNTRIAGED — blocks'
      : 'untriaged, below the blocking severity';
  return `  ${finding.severity.padEnd(8)} ${finding.package} ${finding.advisory} "${finding.title}" (fix: ${finding.fix}) — ${status}`;
}

/** An audit that could not run: the loud line, and the exit code REQUIRE_AUDIT asks for. */
function notRun(outcome: Exclude<AuditOutcome, { kind: 'report' }>, env: NodeJS.ProcessEnv): number {
  if (outcome.kind === 'failed') {
    console.error(`DEPENDENCY AUDIT FAILED: ${outcome.reason}`);
    return 1;
  }
  const required = env.REQUIRE_AUDIT === '1';
  console.error(
    `\n!!! DEPENDENCY AUDIT NOT RUN: the npm audit service could not be reached (${outcome.reason}). ` +
      'No dependency was checked: this is not a pass. ' +
      (required ? 'REQUIRE_AUDIT=1: a failure.' : 'Set REQUIRE_AUDIT=1 to make this a failure.') +
      '\n',
  );
  return required ? 1 : 0;
}

/** The audit, printed; resolves to the exit code. */
export async function auditDependencies(options: AuditOptions = {}): Promise<number> {
  const cwd = options.cwd ?? root;
  const env = options.env ?? process.env;
  const triageFile = options.triageFile ?? TRIAGE_FILE;
  const shownTriage = path.relative(cwd, triageFile) || triageFile;

  let triage: TriageEntry[];
  try {
    triage = parseTriage(JSON.parse(fs.readFileSync(triageFile, 'utf8')));
  } catch (error) {
    console.error(`DEPENDENCY AUDIT FAILED: ${shownTriage} is not a valid triage list: ${(error as Error).message}.`);
    return 1;
  }

  const production = await npmAudit(cwd, env, true);
  if (production.kind !== 'report') return notRun(production, env);
  const all = await npmAudit(cwd, env, false);
  if (all.kind !== 'report') return notRun(all, env);

  const byScope = { production: production.findings, development: developmentOnly(production.findings, all.findings) };
  const { findings, stale } = compareWithTriage(byScope, triage);
  for (const scope of ['production', 'development'] as const) {
    console.log(`Dependency audit, ${SCOPE_TITLE[scope]}: ${countBySeverity(byScope[scope])}.`);
    for (const finding of findings.filter((f) => f.scope === scope)) console.log(describe(finding));
  }
  for (const entry of stale) {
    console.log(`  Triage entry no longer found (remove it from ${shownTriage}): ${entry.package} ${entry.advisory}`);
  }

  const blocking = findings.filter((f) => f.blocking);
  const policy = `production ${BLOCKING_SEVERITY.production}+, dev ${BLOCKING_SEVERITY.development}`;
  if (blocking.length > 0) {
    const names = blocking.map((f) => `${f.package} ${f.advisory} (${f.severity}, ${f.scope})`).join('; ');
    console.error(
      `DEPENDENCY AUDIT FAILED: ${blocking.length} untriaged ${blocking.length === 1 ? 'finding' : 'findings'} ` +
        `at the blocking severity (${policy}): ${names}. Fix, or triage in ${shownTriage} (docs/SECURITY.md).`,
    );
    return 1;
  }
  console.log(
    `Dependency audit passed: ${findings.length} ${findings.length === 1 ? 'advisory' : 'advisories'}, ` +
      `none untriaged at the blocking severity (${policy}).`,
  );
  return 0;
}

if (require.main === module) {
  auditDependencies().then(
    (code) => process.exit(code),
    (error: unknown) => {
      console.error('DEPENDENCY AUDIT FAILED:', error);
      process.exit(1);
    },
  );
}
