/**
 * Every sentence the contract's rules and the backend say, in one table keyed in the plugin's
 * `MessagingSetup…` namespace, with Flex-template placeholders (`{{name}}`). The rules and the
 * backend return problems — a key and its values — never sentences: the backend words them here
 * in English (its `message`, which API users read) and sends the key and values too, and the
 * plugin words them with the view's strings, which include this table, so an account rewords
 * them through Flex's `manager.strings` like any other text of the view.
 *
 * A value is data (a SID, an address, Twilio's own message), or another problem (a part of the
 * sentence that is itself worded here), or a list of problems. The type of a problem names the
 * placeholders its message has, so a caller that leaves one out does not type-check.
 */
import type { BACKEND_MESSAGES } from './backendMessages';
import type { RULE_MESSAGES } from './ruleMessages';

/** Every message of the contract: the rules' and the backend's (two tables: the plugin bundles only the rules'). */
export type ContractMessages = typeof RULE_MESSAGES & typeof BACKEND_MESSAGES;
export type ContractMessageKey = keyof ContractMessages;
/** A table of the contract's messages: the English (messages.ts), or the view's strings (with an account's overrides). */
export type ContractTexts = { readonly [K in ContractMessageKey]: string };
/** Texts that may lack some keys: the view's strings hold the rules' and only those of the backend's an account reworded. */
export type SomeContractTexts = { readonly [K in ContractMessageKey]?: string };

/** The placeholder names of a template, from its text. */
type PlaceholdersIn<S extends string> = S extends `${string}{{${infer Name}}}${infer Rest}`
  ? Name | PlaceholdersIn<Rest>
  : never;
/** The placeholders of one message of the table. */
export type PlaceholderOf<K extends ContractMessageKey> = PlaceholdersIn<ContractMessages[K]>;

/** The keys whose message has exactly these placeholders (`never`: none). */
export type MessageKeyWith<P extends string> = {
  [K in ContractMessageKey]: [PlaceholderOf<K>] extends [P] ? ([P] extends [PlaceholderOf<K>] ? K : never) : never;
}[ContractMessageKey];

/** Problems worded one after another, `separator` between them (a list of differences, of fields). */
export interface ProblemList {
  list: readonly ContractProblem[];
  separator: string;
}

export type MessageValue = string | number | ContractProblem | ProblemList;
/** A problem's values as they travel (the API's `values`): placeholder name → value. */
export type MessageValues = Readonly<Record<string, MessageValue>>;

type ProblemWith<K extends ContractMessageKey> = [PlaceholderOf<K>] extends [never]
  ? { key: K; values?: undefined; clause?: boolean }
  : { key: K; values: { readonly [P in PlaceholderOf<K>]: MessageValue }; clause?: boolean };

/**
 * What a rule or the backend says, before it is worded: a key of the table and a value for each
 * of its placeholders. `clause`: worded without its final full stop, as part of another sentence.
 */
export type ContractProblem = { [K in ContractMessageKey]: ProblemWith<K> }[ContractMessageKey];

/** Field name (as the dialog names its fields) → what is wrong with it. */
export type FieldProblems = Record<string, ContractProblem>;

/** The problem of a key chosen at run time (a channel's rule, a kind of host) among keys without placeholders. */
export const problemOf = (key: MessageKeyWith<never>): ContractProblem => ({ key }) as ContractProblem;

/** The problem of a key chosen at run time among keys whose placeholders are exactly those of `values`. */
export const problemWith = <P extends string>(
  key: MessageKeyWith<P>,
  values: { readonly [N in P]: MessageValue },
): ContractProblem => ({ key, values }) as unknown as ContractProblem;

/** The same problem, worded as part of another sentence (without its final full stop). */
export const asClause = (problem: ContractProblem): ContractProblem => ({ ...problem, clause: true });

/** Problems worded one after another with `separator` between them. */
export const listOf = (list: readonly ContractProblem[], separator: string): ProblemList => ({ list, separator });

/**
 * `{{name}}` placeholders filled from `values`; an unknown placeholder is left as written. The one
 * fill of the project: the plugin's `fill` is this function.
 */
export function fillTemplate(template: string, values: Readonly<Record<string, string | number>>): string {
  return template.replace(/\{\{\s*(\w+)\s*\}\}/g, (match, name: string) =>
    Object.prototype.hasOwnProperty.call(values, name) ? String(values[name]) : match,
  );
}

function wordValue(value: MessageValue, texts: SomeContractTexts): string | number {
  if (typeof value === 'string' || typeof value === 'number') return value;
  if ('list' in value) return value.list.map((item) => wordMessage(item, texts)).join(value.separator);
  return wordMessage(value, texts);
}

/**
 * A problem in words: its message from `texts`, each value worded in turn. A key `texts` lacks
 * shows as the key: ask `canWord` first where texts may lack some (the plugin's, for the backend's).
 */
export function wordMessage(problem: ContractProblem, texts: SomeContractTexts): string {
  const values: Record<string, string | number> = {};
  for (const [name, value] of Object.entries((problem.values ?? {}) as Record<string, MessageValue>)) {
    values[name] = wordValue(value, texts);
  }
  const text = fillTemplate(texts[problem.key] ?? problem.key, values);
  return problem.clause ? text.replace(/\.$/, '') : text;
}

/** Whether `texts` has the words of a problem and of every problem in its values. */
export function canWord(problem: ContractProblem, texts: SomeContractTexts): boolean {
  if (typeof texts[problem.key] !== 'string') return false;
  return Object.values((problem.values ?? {}) as Record<string, MessageValue>).every(
    (value) =>
      typeof value === 'string' ||
      typeof value === 'number' ||
      ('list' in value ? value.list.every((item) => canWord(item, texts)) : canWord(value, texts)),
  );
}

/** Each field's problem in words. */
export function wordFields(fields: FieldProblems, texts: SomeContractTexts): Record<string, string> {
  return Object.fromEntries(Object.entries(fields).map(([field, problem]) => [field, wordMessage(problem, texts)]));
}

/** One problem for an API error of several fields: each `field: problem`, side by side. */
export function summariseFieldProblems(fields: FieldProblems): ContractProblem {
  const problems = Object.entries(fields).map(([field, problem]): ContractProblem => ({
    key: 'MessagingSetupRuleFieldSummary',
    values: { field, problem },
  }));
  return { key: 'MessagingSetupRuleFieldsSummary', values: { problems: listOf(problems, ' ') } };
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function readValue(value: unknown, isKey: (key: string) => boolean): MessageValue | undefined {
  if (typeof value === 'string' || typeof value === 'number') return value;
  if (!isRecord(value)) return undefined;
  if (Array.isArray(value.list)) {
    const list = value.list.map((item) => readProblem(item, isKey));
    if (typeof value.separator !== 'string' || list.some((item) => item === undefined)) return undefined;
    return listOf(list as ContractProblem[], value.separator);
  }
  return readProblem(value, isKey);
}

/**
 * A problem as another program sent it (the backend's error body), or undefined when it is not
 * one `isKey` knows (a key of a newer backend), or a value of another shape. Its
 * placeholders are not checked: one left out shows as written.
 */
export function readProblem(raw: unknown, isKey: (key: string) => boolean): ContractProblem | undefined {
  if (!isRecord(raw) || typeof raw.key !== 'string' || !isKey(raw.key)) return undefined;
  const values: Record<string, MessageValue> = {};
  if (raw.values !== undefined) {
    if (!isRecord(raw.values)) return undefined;
    for (const [name, value] of Object.entries(raw.values)) {
      const read = readValue(value, isKey);
      if (read === undefined) return undefined;
      values[name] = read;
    }
  }
  return {
    key: raw.key,
    ...(raw.values !== undefined ? { values } : {}),
    ...(raw.clause === true ? { clause: true } : {}),
  } as ContractProblem;
}
