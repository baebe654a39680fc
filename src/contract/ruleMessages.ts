/**
 * The contract rules' sentences (address rules, the URL rule, what a Flex Flow migration plan
 * says), which the plugin words itself as the user types: in its bundle, and in its strings, so an
 * account rewords them through Flex's `manager.strings`. Placeholders are `{{name}}`.
 */
export const RULE_MESSAGES = {
  // The address rules (addressRules.ts): what the dialog shows at a field, and the backend answers.
  MessagingSetupRuleRequestObject: 'The request must be an object.',
  MessagingSetupRuleUnknownField: 'Unknown field: {{fields}}.',
  MessagingSetupRuleUnknownFields: 'Unknown fields: {{fields}}.',
  MessagingSetupRuleChooseType: 'Choose SMS, WhatsApp, Chat, Facebook Messenger or Email.',
  MessagingSetupRuleNotAddressSid: 'Not an address SID (IG…).',
  MessagingSetupRuleChooseIntegration: 'Choose how new conversations are routed: Studio flow, webhook or default.',
  MessagingSetupRuleChooseStudioFlow: 'Choose a Studio flow.',
  MessagingSetupRuleRetryCount: 'Enter a whole number from {{min}} to {{max}}.',
  MessagingSetupRuleEnterWebhookUrl: 'Enter the webhook URL.',
  MessagingSetupRuleChooseMethod: 'Choose GET or POST.',
  MessagingSetupRuleChooseFilters: 'Choose filters from: {{filters}}.',
  MessagingSetupRuleFilterOnce: 'Each filter may be chosen once.',
  MessagingSetupRuleFriendlyNameMax: 'Use at most {{max}} characters.',
  MessagingSetupRuleAutoCreation: 'Say whether auto-creation is on.',
  MessagingSetupRuleChooseService: 'Choose a conversation service.',
  /** An API error's one sentence from its fields: each `field: problem`, side by side. */
  MessagingSetupRuleFieldsSummary: '{{problems}}',
  MessagingSetupRuleFieldSummary: '{{field}}: {{problem}}',
  // Each channel's address rule and what its address is of (contract/channels/).
  MessagingSetupRuleAddressSms: 'Enter the number in E.164 form, for example {{example}}.',
  MessagingSetupRuleAddressWhatsApp:
    'Enter the sender as whatsapp: followed by the E.164 number, for example {{example}}.',
  MessagingSetupRuleAddressChat:
    'Name the chat address with letters, digits and . _ : - only (no spaces), at most 256 characters, for example {{example}}.',
  MessagingSetupRuleAddressMessenger:
    'Enter the Messenger address as messenger: followed by the Facebook Page ID, for example {{example}}.',
  MessagingSetupRuleAddressEmail:
    'Enter one email address on a domain your account has authenticated, for example {{example}}.',
  MessagingSetupRuleIdentitySms: 'phone number',
  MessagingSetupRuleIdentityWhatsApp: 'WhatsApp sender',
  MessagingSetupRuleIdentityChat: 'chat address name',
  MessagingSetupRuleIdentityMessenger: 'Facebook Page ID',
  MessagingSetupRuleIdentityEmail: 'email address',
  // The URL rule (webhookUrlRule.ts).
  MessagingSetupRuleUrlLabelWebhook: 'The webhook URL',
  MessagingSetupRuleUrlLabelSms: 'The "A message comes in" URL',
  MessagingSetupRuleUrlTooLong: 'The URL is longer than {{max}} characters.',
  MessagingSetupRuleUrlSpaces: 'Remove the spaces, line breaks and backslashes from the URL.',
  MessagingSetupRuleUrlAbsolute: 'Enter an absolute URL, for example https://example.com/inbound.',
  MessagingSetupRuleUrlHttps: '{{label}} must use https.',
  MessagingSetupRuleUrlHttpOrHttps: '{{label}} must use http or https.',
  MessagingSetupRuleUrlHostName: '{{label}} needs a host name.',
  MessagingSetupRuleUrlCredentials:
    '{{label}} must not hold a user name or password (nothing with @ before its path): Twilio would send them with every request.',
  MessagingSetupRuleUrlUnreachable:
    '{{label}}’s host {{host}} {{why}}: Twilio calls the URL from the internet and cannot reach it there, so messages sent to it would be lost.',
  MessagingSetupRuleUrlHostNotAllowed:
    '{{label}}’s host {{host}} is not one of the webhook hosts this account allows ({{setting}}: {{hosts}}).',
  MessagingSetupRuleHostLoopback: 'is this computer (loopback)',
  MessagingSetupRuleHostPrivate: 'is a private network address',
  MessagingSetupRuleHostShared: 'is a carrier-grade NAT address (100.64.0.0/10)',
  MessagingSetupRuleHostLinkLocal: 'is a link-local address',
  MessagingSetupRuleHostMetadata: 'is a cloud metadata service',
  MessagingSetupRuleHostUnspecified: 'is an unspecified address',
  MessagingSetupRuleHostReserved: 'is not a public internet address',
  MessagingSetupRuleHostLocalName: 'is a local network name, not a public host name',
  MessagingSetupRuleHostListInvalid:
    '{{setting}} must list host names separated by commas (hooks.example.com, *.example.com), but has {{entries}}. No URL can be set until the backend setting is fixed.',
  // Why a Flex Flow cannot be migrated automatically, and what to do instead (flexFlowMigration.ts).
  MessagingSetupRuleBlockChannel: 'A {{channel}} Flex Flow cannot become an address. {{advice}}',
  MessagingSetupRuleBlockIntegration:
    "Only Flex Flows with a Studio integration migrate automatically; this one's is {{integration}}. {{advice}}",
  MessagingSetupRuleBlockNoNumber: 'This Flex Flow has no contact identity, so there is no number to move.',
  MessagingSetupRuleBlockNoPage: 'This Flex Flow has no contact identity, so there is no Facebook Page to move.',
  MessagingSetupRuleBlockBadIdentity: 'Its contact identity {{identity}} is not a {{noun}} an address can hold.',
  MessagingSetupRuleBlockNoStudioFlow: 'Its Studio integration names no Studio flow: create the address by hand.',
  MessagingSetupRuleIntegrationNotSet: 'not set',
  MessagingSetupRuleAdviceLine:
    'Conversations has no address type for LINE: rebuild it on the Interactions API (a custom channel), then delete this Flex Flow.',
  MessagingSetupRuleAdviceCustom:
    'A custom channel has no Conversations address: create its conversations and tasks with the Interactions API, then delete this Flex Flow.',
  MessagingSetupRuleAdviceOtherChannel:
    'Conversations has no address type for this channel: rebuild it on the Interactions API, then delete this Flex Flow.',
  MessagingSetupRuleAdviceExternal:
    'It sends messages to your own URL. Create a webhook address for the number whose handler creates a Flex Interaction (or use "Flex webhook (built in)"), then delete this Flex Flow.',
  MessagingSetupRuleAdviceTask:
    'It creates tasks directly. Create an address with "Flex webhook (built in)", which creates a task for each new conversation, then delete this Flex Flow.',
  MessagingSetupRuleAdviceByHand: 'Create the address by hand.',
  // Where an address differs from the settings asked for (addressMismatches), listed with commas.
  MessagingSetupRuleDiffType: 'type is {{value}}',
  MessagingSetupRuleDiffAddress: 'address is {{value}}',
  MessagingSetupRuleDiffAutoCreationOn: 'auto-creation is on',
  MessagingSetupRuleDiffAutoCreationOff: 'auto-creation is off',
  MessagingSetupRuleDiffIntegration: 'integration is {{value}}',
  MessagingSetupRuleDiffStudioFlow: 'Studio flow is {{value}}',
  MessagingSetupRuleDiffRetryCount: 'retry count is {{value}}',
  MessagingSetupRuleDiffWebhookUrl: 'webhook URL is {{value}}',
  MessagingSetupRuleDiffWebhookMethod: 'webhook method is {{value}}',
  MessagingSetupRuleDiffWebhookFilters: 'webhook filters are {{value}}',
  MessagingSetupRuleDiffNoWebhookFilters: 'webhook filters are none',
  MessagingSetupRuleDiffService: 'conversation service is {{value}}',
  MessagingSetupRuleDiffDefaultService: 'conversation service is the default',
  MessagingSetupRuleDiffFriendlyName: 'friendly name is {{value}}',
  MessagingSetupRuleDiffNoFriendlyName: 'friendly name is not set',
} as const;
