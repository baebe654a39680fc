import fs from 'fs';
import path from 'path';

import { CONTRACT_CHANNELS } from './channels';
import { planFlexFlowMigration } from './flexFlowMigration';
import {
  apiErrorBody,
  asClause,
  CONTRACT_MESSAGES,
  fillTemplate,
  listOf,
  readProblem,
  summariseFieldProblems,
  wordMessage,
  type ContractMessageKey,
  type ContractProblem,
  type ContractTexts,
} from './messages';
import type { FlexFlowSummary } from './types';
import { classifyHost, SMS_URL_RULE, urlProblem, WEBHOOK_URL_RULE } from './webhookUrlRule';

const KEYS = Object.keys(CONTRACT_MESSAGES) as ContractMessageKey[];
const placeholdersOf = (template: string) => [...template.matchAll(/\{\{(\w+)\}\}/g)].map((match) => match[1]);

/** The source files that say things through the table: the contract's, and the backend's. */
function sourceFiles(folder: string): string[] {
  return fs.readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const file = path.join(folder, entry.name);
    if (entry.isDirectory()) return sourceFiles(file);
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [file] : [];
  });
}
const ROOT = path.join(__dirname, '..', '..');
const SOURCES = [
  ...sourceFiles(path.join(ROOT, 'src', 'contract')),
  ...sourceFiles(path.join(ROOT, 'serverless', 'src')),
];
/** Each file's text but the tables' own (their keys are not uses of them). */
const TABLES = [path.join('contract', 'ruleMessages.ts'), path.join('contract', 'backendMessages.ts')];
const sourceTexts = SOURCES.filter((file) => !TABLES.some((table) => file.endsWith(table))).map((file) =>
  fs.readFileSync(file, 'utf8'),
);
const usedKeys = new Set(sourceTexts.flatMap((text) => [...text.matchAll(/'(MessagingSetup\w+)'/g)].map((m) => m[1])));

describe('the table', () => {
  test('every key is in the plugin’s namespace and every message is one line with well-formed placeholders', () => {
    for (const key of KEYS) {
      const message: string = CONTRACT_MESSAGES[key];
      expect(key).toMatch(/^MessagingSetup(Rule|Refusal|Migration|Note)[A-Z]\w+$/);
      expect(message.trim()).not.toBe('');
      expect(message).not.toMatch(/\n/);
      // Every brace belongs to a `{{name}}` (no `{example}` of the old form, no stray brace).
      expect(message.replace(/\{\{\w+\}\}/g, '')).not.toMatch(/[{}]/);
    }
  });

  test('every key the rules and the backend use is in the table', () => {
    const unknown = [...usedKeys].filter((key) => !(key in CONTRACT_MESSAGES));
    expect(unknown).toEqual([]);
  });

  test('the plugin bundles only the rules’ table: no plugin module imports the backend’s, or messages.ts that holds both', () => {
    const pluginSources = [
      ...sourceFiles(path.join(ROOT, 'src', 'feature')),
      ...sourceFiles(path.join(ROOT, 'src', 'contract')).filter(
        (file) => !file.endsWith(path.join('contract', 'messages.ts')),
      ),
      path.join(ROOT, 'src', 'index.ts'),
      path.join(ROOT, 'src', 'MessagingSetupPlugin.tsx'),
    ];
    const importers = pluginSources.filter((file) =>
      /^import (?!type )[^;]*from '[./]*(contract\/)?(messages|backendMessages)';/m.test(fs.readFileSync(file, 'utf8')),
    );
    expect(importers.map((file) => path.relative(ROOT, file))).toEqual([]);
  });

  test('every key of the table is used by a rule or the backend', () => {
    expect(KEYS.filter((key) => !usedKeys.has(key))).toEqual([]);
  });

  test('a problem must give each placeholder of its message, and nothing else (the type says so)', () => {
    const problems: ContractProblem[] = [
      { key: 'MessagingSetupRuleChooseStudioFlow' },
      { key: 'MessagingSetupRuleRetryCount', values: { min: 0, max: 3 } },
      // @ts-expect-error -- `max` is missing
      { key: 'MessagingSetupRuleRetryCount', values: { min: 0 } },
      // @ts-expect-error -- the message has no placeholders
      { key: 'MessagingSetupRuleChooseStudioFlow', values: { flow: 'x' } },
      // @ts-expect-error -- not a key of the table
      { key: 'MessagingSetupRuleNoSuchThing' },
    ];
    expect(problems).toHaveLength(5);
  });
});

describe('wording a problem', () => {
  test('fills its placeholders; a value that is a problem is worded too, a list with its separator', () => {
    const label: ContractProblem = { key: 'MessagingSetupRuleUrlLabelWebhook' };
    expect(wordMessage({ key: 'MessagingSetupRuleUrlHttps', values: { label } })).toBe(
      'The webhook URL must use https.',
    );
    const differences = listOf(
      [
        { key: 'MessagingSetupRuleDiffRetryCount', values: { value: 2 } },
        { key: 'MessagingSetupRuleDiffAutoCreationOff' },
      ],
      ', ',
    );
    expect(wordMessage({ key: 'MessagingSetupMigrationStepNotAsPlanned', values: { differences } })).toBe(
      'The address is not as planned: retry count is 2, auto-creation is off.',
    );
  });

  test('a clause is worded without its final full stop', () => {
    const reason = asClause({ key: 'MessagingSetupRefusalTwilioRefused' });
    expect(wordMessage({ key: 'MessagingSetupMigrationFailureDelete', values: { reason } })).toBe(
      'the Flex Flow could not be deleted (Twilio refused the request)',
    );
  });

  test('with other texts (an account’s), every part in those texts', () => {
    const texts: ContractTexts = {
      ...CONTRACT_MESSAGES,
      MessagingSetupRuleUrlHttps: '{{label}}: https only.',
      MessagingSetupRuleUrlLabelWebhook: 'Webhook',
    };
    const label: ContractProblem = { key: 'MessagingSetupRuleUrlLabelWebhook' };
    expect(wordMessage({ key: 'MessagingSetupRuleUrlHttps', values: { label } }, texts)).toBe('Webhook: https only.');
  });

  test('data is inserted as it is: placeholders inside a value are not filled', () => {
    const problem: ContractProblem = { key: 'MessagingSetupRefusalTwilioSays', values: { message: 'Bad {{message}}' } };
    expect(wordMessage(problem)).toBe('Bad {{message}}');
    expect(fillTemplate('{{a}} and {{b}}', { a: 1 })).toBe('1 and {{b}}');
  });

  test('one sentence of field problems, as the backend answers an invalid request', () => {
    const summary = summariseFieldProblems({
      sid: { key: 'MessagingSetupRuleNotAddressSid' },
      studioFlowSid: { key: 'MessagingSetupRuleChooseStudioFlow' },
    });
    expect(wordMessage(summary)).toBe('sid: Not an address SID (IG…). studioFlowSid: Choose a Studio flow.');
  });
});

describe('what the rules say leaves no placeholder unfilled', () => {
  const noPlaceholderLeft = (problem: ContractProblem | undefined) => {
    expect(problem).toBeDefined();
    expect(wordMessage(problem as ContractProblem)).not.toMatch(/\{\{/);
  };

  test('each channel’s address rule', () => {
    for (const channel of Object.values(CONTRACT_CHANNELS)) {
      expect(placeholdersOf(CONTRACT_MESSAGES[channel.addressRule])).toEqual(['example']);
      noPlaceholderLeft({ key: channel.addressRule, values: { example: channel.example } } as ContractProblem);
    }
  });

  test('the URL rule', () => {
    const policy = { localHosts: false, allowedHosts: ['hooks.example.com'] };
    for (const url of [
      'x'.repeat(3000),
      'https://a b',
      'nope',
      'ftp://hooks.example.com/',
      'https://user@hooks.example.com/',
      'https://10.0.0.1/',
      'https://other.example.com/',
      'http://hooks.example.com/',
    ]) {
      noPlaceholderLeft(urlProblem(url, WEBHOOK_URL_RULE, policy) ?? urlProblem(url, SMS_URL_RULE, policy));
    }
    expect(classifyHost('10.0.0.1')).toBe('private');
  });

  test('each reason a Flex Flow is not migrated', () => {
    const flow: FlexFlowSummary = {
      sid: `FO${'3'.repeat(32)}`,
      friendlyName: 'Flow',
      channelType: 'sms',
      contactIdentity: '+14155550100',
      enabled: true,
      integrationType: 'studio',
      integration: { flow_sid: `FW${'1'.repeat(32)}` },
      longLived: false,
      janitorEnabled: true,
      chatServiceSid: null,
    };
    for (const change of [
      { channelType: 'line' },
      { channelType: 'telegram' },
      { integrationType: 'external' },
      { integrationType: null },
      { contactIdentity: null },
      { channelType: 'facebook', contactIdentity: null },
      { contactIdentity: '12345' },
      { integration: {} },
    ] as Partial<FlexFlowSummary>[]) {
      const plan = planFlexFlowMigration({ ...flow, ...change }, null);
      noPlaceholderLeft(plan.migratable ? undefined : plan.problem);
    }
  });
});

describe('a problem as the API carries it', () => {
  test('the error body: English, and the same as key, values and field problems', () => {
    const body = apiErrorBody(
      'invalid_input',
      { key: 'MessagingSetupRefusalForbidden', values: { roles: 'admin' } },
      { retryCount: { key: 'MessagingSetupRuleRetryCount', values: { min: 0, max: 3 } } },
    );
    expect(body).toEqual({
      error: {
        code: 'invalid_input',
        message: 'Messaging Setup needs one of these Flex roles: admin.',
        fields: { retryCount: 'Enter a whole number from 0 to 3.' },
        messageKey: 'MessagingSetupRefusalForbidden',
        values: { roles: 'admin' },
        fieldProblems: { retryCount: { key: 'MessagingSetupRuleRetryCount', values: { min: 0, max: 3 } } },
      },
    });
  });

  test('read back from JSON: nested problems and lists too; an unknown key or a bad value is not one', () => {
    const sent: ContractProblem = {
      key: 'MessagingSetupMigrationFailureReadBack',
      values: { reason: asClause({ key: 'MessagingSetupRefusalTwilioSays', values: { message: 'Nope.' } }) },
    };
    expect(readProblem(JSON.parse(JSON.stringify(sent)))).toEqual(sent);
    const list = { key: 'MessagingSetupRefusalNotSaved', values: { missing: listOf([], '; ') } };
    expect(readProblem(JSON.parse(JSON.stringify(list)))).toEqual(list);
    expect(readProblem({ key: 'MessagingSetupRefusalFromTheFuture' })).toBeUndefined();
    expect(readProblem({ key: 'toString' })).toBeUndefined();
    expect(readProblem({ key: 'MessagingSetupRefusalForbidden', values: { roles: { key: 'nope' } } })).toBeUndefined();
    expect(readProblem({ key: 'MessagingSetupRefusalForbidden', values: { roles: [1] } })).toBeUndefined();
    expect(readProblem('MessagingSetupRefusalForbidden')).toBeUndefined();
  });
});
