/**
 * The backend's sentences: its refusals, a migration's outcome and steps, a history receipt. The
 * backend words them in English (what API users read) and sends their keys and values beside; the
 * plugin shows an account's own wording of a key when it has one, and else the backend's English,
 * so none of this table is in the plugin bundle. Placeholders are `{{name}}`.
 */
export const BACKEND_MESSAGES = {
  // The backend's refusals: the request itself (http/).
  MessagingSetupRefusalUnknownFormField: 'Unknown field: {{field}}. Send Token and Payload only.',
  MessagingSetupRefusalPayloadNotString: 'Payload must be a JSON string.',
  MessagingSetupRefusalTooLarge: 'The request is larger than {{bytes}} bytes.',
  MessagingSetupRefusalPayloadNotJson: 'Payload is not valid JSON.',
  MessagingSetupRefusalFormBodyOnly:
    'Send a POST with a form-encoded body (Content-Type: application/x-www-form-urlencoded) holding Token and Payload.',
  MessagingSetupRefusalLengthRequired: 'Send the form body with a Content-Length.',
  MessagingSetupRefusalFieldsInUrl: 'Token and Payload must come in the form-encoded POST body, never in the URL.',
  MessagingSetupRefusalForbidden: 'Messaging Setup needs one of these Flex roles: {{roles}}.',
  // The Flex sign-in (auth/validateFlexToken.ts).
  MessagingSetupRefusalTokenMissing: 'No Flex token was sent. Sign in to Flex again.',
  MessagingSetupRefusalTokenInvalid: 'The Flex token is not valid. Sign in to Flex again.',
  MessagingSetupRefusalSignInInvalid: 'Your Flex sign-in is not valid. Sign in to Flex again.',
  MessagingSetupRefusalSignInInvalidBecause: 'Your Flex sign-in is not valid ({{reason}}). Sign in to Flex again.',
  MessagingSetupRefusalTokenAnswerUnreadable: 'The token validation service gave an unreadable answer.',
  MessagingSetupRefusalTokenCheckUnavailable: 'Could not check your Flex sign-in just now; try again in a moment.',
  // Twilio's answers, as the backend passes them on (http/backendError.ts); `message` is Twilio's own.
  MessagingSetupRefusalTwilioSays: '{{message}}',
  MessagingSetupRefusalTwilioNotFound: 'Twilio has no such resource.',
  MessagingSetupRefusalTwilioConflict: 'Twilio reported a conflict.',
  MessagingSetupRefusalTwilioRefused: 'Twilio refused the request.',
  MessagingSetupRefusalRateLimited: 'Twilio is rate-limiting this account; try again in a moment.',
  MessagingSetupRefusalTwilioAuth: 'The backend could not authenticate to Twilio: check its account credentials.',
  MessagingSetupRefusalTwilioUnavailable: 'Twilio did not answer correctly; try again in a moment.',
  MessagingSetupRefusalInternal: 'Something went wrong in the Messaging Setup backend.',
  MessagingSetupRefusalTimeoutMaybeApplied:
    'Twilio did not answer in time, so the change may or may not have been applied: reload the view to see the current state before trying again.',
  MessagingSetupRefusalNetworkMaybeApplied:
    'The connection to Twilio failed, so the change may or may not have been applied: reload the view to see the current state before trying again.',
  MessagingSetupRefusalTimeoutNothingChanged:
    'Twilio did not answer in time; nothing was changed. Try again in a moment.',
  MessagingSetupRefusalNetworkNothingChanged:
    'The connection to Twilio failed; nothing was changed. Try again in a moment.',
  MessagingSetupRefusalTimeout: 'Twilio did not answer in time. Try again in a moment.',
  MessagingSetupRefusalNetwork: 'The connection to Twilio failed. Try again in a moment.',
  MessagingSetupRefusalNotConfirmed:
    'Twilio did not confirm {{what}}, and checking afterwards did not settle it: it may or may not have been applied. {{howToCheck}}',
  MessagingSetupRefusalWhatNewAddress: 'the new address for {{address}}',
  MessagingSetupRefusalCheckNewAddress: 'Reload the view and look for an address for {{address}} before trying again.',
  MessagingSetupRefusalWhatAddressChange: 'the change to address {{sid}}',
  MessagingSetupRefusalCheckMigration: 'Reload the view, check the address, and run the migration again.',
  MessagingSetupRefusalPageLink: 'Twilio answered with a page link the backend cannot follow.',
  // The requests' own checks (lib/parseRequests.ts, lib/cursor.ts).
  MessagingSetupRefusalRequestNotObject: 'The request must be a JSON object.',
  MessagingSetupRefusalCursorNotString: 'cursor must be a string.',
  MessagingSetupRefusalCursorInvalid: 'The list cursor is not valid; reload the list.',
  MessagingSetupRefusalTypeOneOf: 'type must be one of {{types}}.',
  MessagingSetupRefusalGroup: 'group must be non-phone.',
  MessagingSetupRefusalUnknownGroup: 'Unknown group.',
  MessagingSetupRefusalGroupAlone: 'group lists everything in one answer: send it without type or cursor.',
  MessagingSetupRefusalBulk: 'bulk must be true or false.',
  MessagingSetupRefusalTrueOrFalse: 'Must be true or false.',
  MessagingSetupRefusalSidAddress: 'sid must be an address SID (IG…).',
  MessagingSetupRefusalNotFlexFlowSid: 'Not a Flex Flow SID (FO…).',
  MessagingSetupRefusalNotServiceSid: 'Not a conversation service SID (IS…).',
  MessagingSetupRefusalNotNumberSid: 'Not a phone number SID (PN…).',
  MessagingSetupRefusalSmsUrl: 'Give "" to clear it, or an absolute http(s) URL.',
  MessagingSetupRefusalSmsApplication: 'Give "" to clear it, or a TwiML app SID (AP…).',
  MessagingSetupRefusalSmsNothing: 'Give smsUrl or smsApplicationSid.',
  MessagingSetupRefusalHistoryAddress: 'Give an address or SID of at most {{max}} characters.',
  MessagingSetupRefusalHistoryIdentity: 'Give a Flex identity of at most {{max}} characters.',
  MessagingSetupRefusalHistoryKind: 'Unknown kind; one of {{kinds}}.',
  MessagingSetupRefusalHistorySearch: 'Give a search of at most {{max}} characters.',
  MessagingSetupRefusalHistoryInstant:
    '{{field}} must be an ISO 8601 date and time with its offset, e.g. 2026-12-06T00:00:00+01:00.',
  MessagingSetupRefusalHistoryRange: 'The range is empty: from ({{from}}) must be before to ({{to}}).',
  MessagingSetupRefusalHistoryId: 'id must be a history entry id.',
  MessagingSetupRefusalNotHistoryId: 'Not a history entry id.',
  // Addresses (lib/addressParams.ts, lib/referencedResources.ts, functions/create-address.ts).
  MessagingSetupRefusalAddressExists:
    'An address configuration already exists for {{address}} ({{sid}}) with other settings: {{differences}}. Edit that address instead.',
  MessagingSetupRefusalAddressTaken: '{{address}} already has an address ({{sid}}).',
  MessagingSetupRefusalAddressAlreadyThere: 'Nothing changed: {{address}} already had this address ({{sid}}).',
  MessagingSetupRefusalEmailDomain:
    'Twilio refused {{address}}: the domain {{domain}} is not authenticated on this account. Add and authenticate {{domain}} in Flex › Manage › Email, then create the address.',
  MessagingSetupRefusalEmailDomainField:
    'The domain {{domain}} is not authenticated on this account (Flex › Manage › Email).',
  MessagingSetupRefusalEmailRejected:
    'Twilio refused {{address}}: {{twilio}} An email address must be on a domain the account has authenticated (Flex › Manage › Email): check {{domain}}.',
  MessagingSetupRefusalNotSaved:
    'Not saved: {{missing}}. Choose one that exists (reload the view to see the current list).',
  MessagingSetupRefusalMissingStudioFlow: 'Studio flow {{sid}} does not exist',
  MessagingSetupRefusalMissingService: 'conversation service {{sid}} does not exist',
  MessagingSetupRefusalMissingNumber: '{{number}} is not a phone number of this account',
  MessagingSetupRefusalMissingStudioFlowField: 'Studio flow {{sid}} does not exist.',
  MessagingSetupRefusalMissingServiceField: 'Conversation service {{sid}} does not exist.',
  MessagingSetupRefusalMissingNumberField: '{{number}} is not a phone number of this account.',
  // The change history (history/).
  MessagingSetupRefusalHistoryNotWritten:
    'The change was made, but it could not be written to the change history ({{reason}}).',
  MessagingSetupRefusalNoHistoryEntry: 'There is no history entry {{id}}.',
  // Where the history lives and whether it is intact (history/historyLocation.ts, history/chain.ts).
  MessagingSetupRefusalHistoryNotProvisioned:
    'The change history has no store yet: run npm run deploy:backend, which makes the backend’s own Sync Service and sets MESSAGING_SETUP_SYNC_SERVICE_SID.',
  MessagingSetupRefusalHistoryStoreOpen:
    'The change history’s Sync Service {{sid}} has ACLs off, so any token granted it could rewrite the history: turn them on (twilio api:sync:v1:services:update --sid {{sid}} --acl-enabled), or remove MESSAGING_SETUP_SYNC_SERVICE_SID and run npm run deploy:backend.',
  MessagingSetupRefusalHistoryMoving:
    'The change history is being moved to the backend’s own Sync Service; try again in a moment.',
  MessagingSetupRefusalEntryNotVerified:
    'Entry {{id}} does not match the digest the backend recorded ({{reason}}): it was changed outside Messaging Setup, so it is not reverted. Nothing was changed.',
  MessagingSetupRefusalChainAltered: 'its content is not what the backend wrote',
  MessagingSetupRefusalChainUnsigned: 'it carries no digest of the backend',
  MessagingSetupRefusalChainMisplaced: 'it is not at its own place in the history',
  MessagingSetupRefusalChainLink: 'it does not follow the entry before it',
  MessagingSetupRefusalChainMissing: 'the entry before it is gone',
  MessagingSetupRefusalNotRevertible: 'Entry {{id}} cannot be reverted. {{why}}',
  // Trace a customer (evidence/traceCustomer.ts).
  MessagingSetupRefusalTraceCustomer:
    'Enter the customer as +E.164 (SMS), whatsapp:+E.164, messenger:<id>, an email address or a chat identity (at most {{max}} characters, no quotes).',
  MessagingSetupRefusalTraceOurAddress:
    'Enter our address as it is in the address list (at most {{max}} characters, no quotes), or leave it empty.',
  // Close a customer's conversation (evidence/closeConversation.ts).
  MessagingSetupRefusalConversationSid: 'sid must be a conversation SID: CH followed by 32 hexadecimal characters.',
  MessagingSetupRefusalNotConversationSid: 'Not a conversation SID (CH followed by 32 hexadecimal characters).',
  MessagingSetupRefusalConversationServiceSid:
    'serviceSid must be the conversation service SID: IS followed by 32 hexadecimal characters.',
  MessagingSetupRefusalNotConversationServiceSid:
    'Not a conversation service SID (IS followed by 32 hexadecimal characters).',
  MessagingSetupRefusalConversationTaskOpen:
    'Conversation {{sid}} is not closed: its task {{task}} is still {{status}}, so an agent may be working on it. Let the agent finish the task; Flex then ends the conversation.',
  MessagingSetupRefusalAlreadyClosed: 'Nothing changed: conversation {{sid}} was already closed.',
  // Set a number or sender aside as not for Flex (setAside/).
  MessagingSetupRefusalSetAsideChannel: 'Choose sms or whatsapp.',
  MessagingSetupRefusalSetAsideReason: 'Give a reason of at most {{max}} characters on one line, or none.',
  MessagingSetupRefusalSetAsideReasonOnlyAside: 'A reason goes only with aside: true; clearing takes none.',
  MessagingSetupRefusalSetAsideUnknownNumber: '{{address}} is not a phone number of this account.',
  MessagingSetupRefusalSetAsideUnknownSender: '{{address}} is not a WhatsApp sender of this account.',
  MessagingSetupRefusalSetAsideMoved:
    'The mark on {{address}} was changed outside Messaging Setup while this change was made. Nothing was changed; reload and try again.',
  MessagingSetupRefusalAlreadySetAside: 'Nothing changed: {{address}} was already set aside with this reason.',
  MessagingSetupRefusalNotSetAside: 'Nothing changed: {{address}} was not set aside.',
  // A row's Debugger alerts (evidence/alertsFor.ts).
  MessagingSetupRefusalAlertsWhichRow:
    'Name the row: at least one of address, addressSid, phoneNumberSid, webhookUrl or studioFlowSid (or, for the account, errorCode).',
  MessagingSetupRefusalAlertsErrorCode: 'Enter one of the account-level codes: {{codes}}.',
  MessagingSetupRefusalAlertsErrorCodeWithRow:
    "Send it without a row's fields: its alerts are about the account (a Webchat deployment key), not one row.",
  MessagingSetupRefusalAlertsAddress:
    'Enter the address as Twilio writes it, e.g. +14155550100 or whatsapp:+14155550100 ({{min}} to {{max}} characters, no spaces or quotes).',
  MessagingSetupRefusalAlertsSid: 'Enter a SID that starts with {{prefix}} followed by 32 hexadecimal characters.',
  MessagingSetupRefusalAlertsWebhookUrl:
    'Enter the webhook URL as an http:// or https:// URL of at most {{max}} characters.',
  MessagingSetupRefusalAlertsDays: 'Enter the days as a whole number from 1 to {{max}}.',
  MessagingSetupRefusalRevertFailed:
    'It records a change that failed: nothing was changed, so there is nothing to revert.',
  MessagingSetupRefusalRevertSummarised:
    'Its states were summarised to fit the history, so they cannot be put back exactly.',
  MessagingSetupRefusalRevertUndidFlexFlow: 'It undid a Flex Flow migration; migrate the Flex Flow again instead.',
  MessagingSetupRefusalRevertNoDefaultBefore:
    'There was no default conversation service before, and Twilio cannot unset it.',
  MessagingSetupRefusalRevertNoStates: 'It holds no states to put back.',
  MessagingSetupRefusalRevertClosedFinal:
    'It closed a conversation, and Twilio cannot reopen a closed conversation: the customer’s next message starts a new one.',
  MessagingSetupRefusalRevertUnknownStates: 'Its states are not those of a change Messaging Setup makes.',
  MessagingSetupRefusalCannotRevert: 'This change cannot be reverted.',
  MessagingSetupRefusalChangedSince: '{{what}} has changed since: {{differences}} ({{who}}). Nothing was changed.',
  MessagingSetupRefusalItChangedSince: 'It has changed since: {{differences}} ({{who}}). Nothing was changed.',
  MessagingSetupRefusalChangedBy: '{{identity}} changed it at {{at}}',
  MessagingSetupRefusalChangedOutside: 'it was changed outside Messaging Setup',
  MessagingSetupRefusalDiffAddressGone: 'address {{sid}} no longer exists',
  MessagingSetupRefusalDiffAddressAgain: '{{address}} has an address again ({{sid}})',
  MessagingSetupRefusalDiffNumberGone: 'number {{sid}} is no longer on the account',
  MessagingSetupRefusalDiffSmsUrl: 'its SMS URL is {{value}}',
  MessagingSetupRefusalDiffNoSmsUrl: 'its SMS URL is not set',
  MessagingSetupRefusalDiffSmsApplication: 'its SMS application is {{value}}',
  MessagingSetupRefusalDiffNoSmsApplication: 'its SMS application is not set',
  MessagingSetupRefusalDiffDefaultService: 'the default service is {{value}}',
  MessagingSetupRefusalDiffNoDefaultService: 'the default service is not set',
  MessagingSetupRefusalDiffSetAside: 'it is set aside by {{by}} since {{at}}',
  MessagingSetupRefusalDiffNotSetAside: 'it is not set aside',
  MessagingSetupRefusalRevertIncomplete: '{{incomplete}}',
  MessagingSetupRefusalRevertIncompleteUnrecorded: '{{incomplete}} {{unrecorded}}',
  // Revert exactly once, never blind (history/revertClaim.ts, coordination/locks.ts, history/revalidate.ts).
  MessagingSetupRefusalAlreadyReverted:
    'Entry {{id}} was already reverted by {{identity}} at {{at}}. Nothing was changed.',
  MessagingSetupRefusalBeingReverted:
    'Entry {{id}} is being reverted by {{identity}} (since {{at}}). Nothing was changed; reload the history in a moment.',
  MessagingSetupRefusalChangeInProgress:
    'Another change to {{what}} is in progress. Nothing was changed; try again in a moment.',
  MessagingSetupRefusalLeaseUnavailable:
    'Messaging Setup could not reserve {{what}} for this change: Twilio Sync did not answer. Nothing was changed; try again in a moment.',
  MessagingSetupRefusalWhatDefaultService: 'the default conversation service',
  MessagingSetupRefusalRevertInvalid:
    'Entry {{id}} cannot be reverted: what it would put back is not a change Messaging Setup would make ({{reason}}). Nothing was changed.',
  MessagingSetupRefusalRevertInvalidState: 'its states are not in the shape Messaging Setup records',
  MessagingSetupRefusalRevertInvalidFlexFlowUrl: 'the Flex Flow’s URL: {{problem}}',
  MessagingSetupRefusalDiffFlexFlowSame: 'a Flex Flow "{{name}}" for {{identity}} exists again ({{sid}})',
  // Notes on entries a lost answer or a retry made (history/recordChange.ts).
  MessagingSetupNoteSettledByLooking:
    'Twilio’s answer was lost; Messaging Setup looked afterwards and found the change applied.',
  MessagingSetupNoteFoundDone:
    'This change was found already done and no entry recorded it (an earlier try whose answer was lost, or a change outside Messaging Setup); recorded when it was found.',
  MessagingSetupRefusalAlreadyDeleted: 'Nothing changed: {{what}} was already deleted (history entry {{id}}).',
  MessagingSetupRefusalRevertLeftAddress:
    'The Flex Flow "{{name}}" is back ({{flowSid}}), but address {{sid}} could not be deleted ({{reason}}). While it is there, it and the Flex Flow both take messages for {{address}}: delete one of them by hand.',
  MessagingSetupRefusalRevertLeftSettings:
    'The Flex Flow "{{name}}" is back ({{flowSid}}), but address {{sid}} could not be given its earlier settings back ({{reason}}). While it is there, it and the Flex Flow both take messages for {{address}}: delete one of them by hand.',
  // The built-in inbound webhook handler's refusals (functions/inbound-webhook.ts, inbound/).
  MessagingSetupRefusalWebhookFieldNotString: 'Field {{field}} is not a string.',
  MessagingSetupRefusalWebhookTooManyFields: 'The request has more than {{max}} fields.',
  MessagingSetupRefusalSignatureMissing: 'This endpoint only answers Twilio: X-Twilio-Signature is missing.',
  MessagingSetupRefusalNoAuthToken: 'The backend has no auth token to check Twilio’s signature with.',
  MessagingSetupRefusalSignatureInvalid: 'X-Twilio-Signature does not match: this request is not from Twilio.',
  MessagingSetupRefusalNoConversationSid: 'ConversationSid is missing or not a conversation SID (CH…).',
  MessagingSetupRefusalNoRouting:
    'No TaskRouter workspace/workflow: set MESSAGING_SETUP_WORKSPACE_SID and MESSAGING_SETUP_WORKFLOW_SID.',
  // A Flex Flow migration (lib/migrateFlexFlow.ts): its outcome, and each step's detail.
  MessagingSetupMigrationFlowGone:
    'The Flex Flow {{sid}} no longer exists: it was migrated or deleted already. Reload the view to see how its number routes now.',
  MessagingSetupMigrationMigrated:
    '{{address}} now reaches Flex through address {{sid}}; the Flex Flow {{flowSid}} is deleted.',
  MessagingSetupMigrationNotCreated:
    'Nothing changed: the address for {{address}} could not be created {{why}}. The Flex Flow is untouched.',
  MessagingSetupMigrationBecauseOtherSettings:
    "because {{address}} already has address {{sid}} with other settings ({{differences}}). To migrate, confirm in the preview that this address takes the Flex Flow's settings, or edit or delete it yourself",
  MessagingSetupMigrationBecausePreviewGone:
    'because address {{sid}}, shown in the preview, no longer exists: reload the view and review the migration again',
  MessagingSetupMigrationBecause: '({{reason}})',
  MessagingSetupMigrationStoppedFlowMayBeGone:
    'Migration stopped: {{failure}}. Address {{sid}} is in place for {{address}}. Reload the view: if the Flex Flow is still listed, run its migration again.',
  MessagingSetupMigrationUnchangedAlreadyThere:
    'Nothing changed: {{failure}}. Address {{sid}} (already there before this run) and the Flex Flow both still take messages for {{address}}, as before: run the migration again to finish.',
  MessagingSetupMigrationUndoneCreated:
    'Nothing changed: {{failure}}, so the new address was deleted again. The Flex Flow is untouched.',
  MessagingSetupMigrationUndoneUpdated:
    'Nothing changed: {{failure}}, so address {{sid}} has its earlier settings again. The Flex Flow is untouched.',
  MessagingSetupMigrationUndoFailedCreated:
    'Migration stopped: {{failure}}, and address {{sid}} could not be deleted again ({{reason}}). Both it and the Flex Flow now take messages for {{address}}: delete one of them by hand.',
  MessagingSetupMigrationUndoFailedUpdated:
    'Migration stopped: {{failure}}, and address {{sid}} could not be given its earlier settings back ({{reason}}). Both it and the Flex Flow now take messages for {{address}}: delete one of them by hand.',
  MessagingSetupMigrationFailureReadBack: 'the address could not be read back ({{reason}})',
  MessagingSetupMigrationFailureDeleteUnconfirmed:
    'Twilio did not confirm that the Flex Flow {{sid}} was deleted, and checking could not tell',
  MessagingSetupMigrationFailureDelete: 'the Flex Flow could not be deleted ({{reason}})',
  MessagingSetupMigrationStepAlreadyThere: "Address {{sid}} for {{address}} already has the Flex Flow's settings.",
  MessagingSetupMigrationStepTaken: 'Not created: {{address}} already has address {{sid}}.',
  MessagingSetupMigrationStepUpdated: "Brought address {{sid}} to the Flex Flow's settings (it had {{differences}}).",
  MessagingSetupMigrationStepPreviewGone: 'Address {{sid}} no longer exists.',
  MessagingSetupMigrationStepMadeMeanwhile:
    "Address {{sid}} for {{address}} was made meanwhile, with the Flex Flow's settings.",
  MessagingSetupMigrationStepCreated: 'Created address {{sid}} for {{address}}.',
  MessagingSetupMigrationStepCreateFailed: 'Could not create the address for {{address}}: {{reason}}.',
  MessagingSetupMigrationStepNotAsPlanned: 'The address is not as planned: {{differences}}.',
  MessagingSetupMigrationStepVerified: 'Address {{sid}} reads back as planned.',
  MessagingSetupMigrationStepReadBackFailed: 'Could not read the address back: {{reason}}.',
  MessagingSetupMigrationStepFlowDeleted: 'Deleted the Flex Flow {{sid}}.',
  MessagingSetupMigrationStepFlowDeletedChecked:
    'The Flex Flow {{sid}} is deleted (checked after its answer was lost).',
  MessagingSetupMigrationStepDeleteFailed: 'Could not delete the Flex Flow {{sid}}: {{reason}}.',
  MessagingSetupMigrationStepUndoneCreate: 'Deleted the new address {{sid}} again.',
  MessagingSetupMigrationStepUndoneUpdate: 'Gave address {{sid}} its earlier settings back.',
  MessagingSetupMigrationStepUndoFailed: 'Could not undo the change to address {{sid}}: {{reason}}.',
} as const;
