/**
 * What `npm audit --json` (npm 10/11, audit report version 2) says, and how it compares with the
 * project's triage list (docs/security-triage.json). Pure: no npm, no files; scripts/auditDependencies.ts
 * runs npm and prints. The report's shape, as npm writes it:
 *
 *   { auditReportVersion: 2,
 *     vulnerabilities: { <package>: { name, severity, isDirect, via: [advisory | <package>], effects,
 *                                     range, nodes, fixAvailable: true | false | {name, version, isSemVerMajor} } },
 *     metadata: { vulnerabilities: {info, low, moderate, high, critical, total}, dependencies: {...} } }
 *
 * An advisory in `via` is `{source, name, dependency, title, url, severity, cwe, cvss, range}`; a
 * string names a vulnerable dependency the package is affected through (npm's "meta-vulnerability"),
 * whose advisory is listed under that dependency. So each advisory is one finding, of the package
 * it was published for, and triaging it covers every package affected through it. When npm cannot
 * ask the registry, it prints `{message, statusCode?, uri?, error: {summary, detail}}` instead.
 */

export const SEVERITIES = ['info', 'low', 'moderate', 'high', 'critical'] as const;
export type Severity = (typeof SEVERITIES)[number];
export type Scope = 'production' | 'development';

/**
 * The least severity that fails the audit when untriaged. Production: high — that code runs in
 * agents' browsers and in the Functions. Development: critical — build and test tools run only on
 * developers' and CI machines on the project's own input, but a critical one (npm's malware
 * advisories are critical) runs with their rights. Lower findings are printed, not failed on.
 */
export const BLOCKING_SEVERITY: Record<Scope, Severity> = { production: 'high', development: 'critical' };

export interface Finding {
  /** The package the advisory was published for. */
  package: string;
  /** `GHSA-…` when the advisory is GitHub's (npm's are), else npm's advisory number. */
  advisory: string;
  title: string;
  severity: Severity;
  url: string;
  /** The vulnerable versions. */
  range: string;
  /** Where it is installed (`node_modules/…`). */
  nodes: string[];
  /** `npm audit fix`, a named upgrade, or none. */
  fix: string;
}

export type AuditOutcome =
  | { kind: 'report'; findings: Finding[] }
  /** The audit service could not be asked: the audit did not run. */
  | { kind: 'unreachable'; reason: string }
  /** npm ran and failed for another reason (no lockfile, unreadable output): the project's problem. */
  | { kind: 'failed'; reason: string };

interface AdvisoryJson {
  source?: number;
  name?: string;
  title?: string;
  url?: string;
  severity?: string;
  range?: string;
}

interface VulnerabilityJson {
  name?: string;
  via?: (AdvisoryJson | string)[];
  nodes?: string[];
  fixAvailable?: boolean | { name: string; version: string; isSemVerMajor?: boolean };
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const severityOf = (value: unknown): Severity =>
  SEVERITIES.includes(value as Severity) ? (value as Severity) : 'critical';

export const severityRank = (severity: Severity): number => SEVERITIES.indexOf(severity);

function advisoryId(advisory: AdvisoryJson): string {
  const ghsa = /GHSA(?:-[0-9a-z]{4}){3}/i.exec(advisory.url ?? '');
  if (ghsa) return ghsa[0];
  return advisory.source !== undefined ? `npm-${advisory.source}` : (advisory.url ?? advisory.title ?? 'unknown');
}

function fixOf(fix: VulnerabilityJson['fixAvailable']): string {
  if (fix === true) return 'npm audit fix';
  if (isObject(fix)) return `${fix.name}@${fix.version}${fix.isSemVerMajor ? ' (semver major)' : ''}`;
  return 'none';
}

/** One finding per advisory and package, most severe first. */
export function findingsOf(vulnerabilities: Record<string, VulnerabilityJson>): Finding[] {
  const findings = new Map<string, Finding>();
  for (const [name, vulnerability] of Object.entries(vulnerabilities)) {
    for (const via of vulnerability.via ?? []) {
      if (typeof via === 'string') continue; // affected through `via`: its advisory is listed there
      const finding: Finding = {
        package: via.name ?? vulnerability.name ?? name,
        advisory: advisoryId(via),
        title: via.title ?? '',
        severity: severityOf(via.severity),
        url: via.url ?? '',
        range: via.range ?? '',
        nodes: vulnerability.nodes ?? [],
        fix: fixOf(vulnerability.fixAvailable),
      };
      findings.set(findingKey(finding), finding);
    }
  }
  return [...findings.values()].sort(
    (a, b) => severityRank(b.severity) - severityRank(a.severity) || a.package.localeCompare(b.package),
  );
}

export const findingKey = (finding: { package: string; advisory: string }) => `${finding.package} ${finding.advisory}`;

/** Messages of an audit that could not reach its service: npm's network errors and HTTP failures. */
const UNREACHABLE =
  /\/-\/npm\/v1\/security\/|E(?:CONNREFUSED|CONNRESET|NOTFOUND|TIMEDOUT|AI_AGAIN|NETUNREACH|HOSTUNREACH)|socket hang up|network/i;

/** Classifies what `npm audit --json` printed. */
export function parseAuditOutput(stdout: string): AuditOutcome {
  let json: unknown;
  try {
    json = JSON.parse(stdout);
  } catch {
    return { kind: 'failed', reason: `npm audit printed no JSON: ${stdout.trim().slice(0, 200) || '(nothing)'}` };
  }
  if (!isObject(json)) return { kind: 'failed', reason: 'npm audit printed JSON that is not a report.' };
  if (isObject(json.vulnerabilities)) {
    return { kind: 'report', findings: findingsOf(json.vulnerabilities as Record<string, VulnerabilityJson>) };
  }
  const message = typeof json.message === 'string' ? json.message : '';
  if (typeof json.statusCode === 'number' || UNREACHABLE.test(message)) {
    return { kind: 'unreachable', reason: message || `the audit service answered ${String(json.statusCode)}` };
  }
  const error = isObject(json.error) ? json.error : {};
  const summary = [error.code, error.summary].filter((part) => typeof part === 'string' && part !== '').join(': ');
  return { kind: 'failed', reason: summary || message || 'npm audit failed without saying why.' };
}

/** The findings of the whole tree that the production tree does not have: the dev tools'. */
export function developmentOnly(production: Finding[], all: Finding[]): Finding[] {
  const shipped = new Set(production.map(findingKey));
  return all.filter((finding) => !shipped.has(findingKey(finding)));
}

// -------------------------------------------------------------------------------------------------
// The triage list

export const TRIAGE_DECISIONS = ['accepted', 'planned', 'not-affected'] as const;

export interface TriageEntry {
  package: string;
  advisory: string;
  severity: Severity;
  scope: Scope;
  /** accepted: the risk is taken (why in `reason`); planned: a fix is on its way; not-affected: the vulnerable code is not reached. */
  decision: (typeof TRIAGE_DECISIONS)[number];
  reason: string;
  /** YYYY-MM-DD. */
  reviewed: string;
}

/** Reads the triage list's JSON; throws with what is wrong, so a broken list never passes quietly. */
export function parseTriage(json: unknown): TriageEntry[] {
  const findings = isObject(json) ? json.findings : undefined;
  if (!Array.isArray(findings)) throw new Error('the triage list has no "findings" array');
  return findings.map((entry: unknown, index) => {
    const problem = (what: string) => new Error(`triage entry ${index + 1}: ${what}`);
    if (!isObject(entry)) throw problem('not an object');
    for (const field of ['package', 'advisory', 'reason'] as const) {
      if (typeof entry[field] !== 'string' || entry[field] === '') throw problem(`"${field}" is missing`);
    }
    if (!SEVERITIES.includes(entry.severity as Severity)) throw problem(`"severity" is not one of ${SEVERITIES}`);
    if (entry.scope !== 'production' && entry.scope !== 'development') {
      throw problem('"scope" is not production or development');
    }
    if (!TRIAGE_DECISIONS.includes(entry.decision as TriageEntry['decision'])) {
      throw problem(`"decision" is not one of ${TRIAGE_DECISIONS}`);
    }
    if (typeof entry.reviewed !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(entry.reviewed)) {
      throw problem('"reviewed" is not a YYYY-MM-DD date');
    }
    return entry as unknown as TriageEntry;
  });
}

export interface ScopedFinding extends Finding {
  scope: Scope;
  /** Its triage entry, when it has one. */
  triage?: TriageEntry;
  /** Untriaged and at or above its scope's blocking severity: fails the audit. */
  blocking: boolean;
}

export interface Comparison {
  findings: ScopedFinding[];
  /** Triage entries no finding matches any more (fixed, or the dependency is gone): to remove. */
  stale: TriageEntry[];
}

/** Each finding with its scope, its triage entry and whether it blocks; and the stale entries. */
export function compareWithTriage(
  byScope: Record<Scope, Finding[]>,
  triage: readonly TriageEntry[],
  blocking: Record<Scope, Severity> = BLOCKING_SEVERITY,
): Comparison {
  const entries = new Map(triage.map((entry) => [findingKey(entry), entry]));
  const findings: ScopedFinding[] = (['production', 'development'] as const).flatMap((scope) =>
    byScope[scope].map((finding) => {
      const entry = entries.get(findingKey(finding));
      const severe = severityRank(finding.severity) >= severityRank(blocking[scope]);
      return { ...finding, scope, ...(entry ? { triage: entry } : {}), blocking: !entry && severe };
    }),
  );
  const found = new Set(findings.map(findingKey));
  return { findings, stale: triage.filter((entry) => !found.has(findingKey(entry))) };
}
