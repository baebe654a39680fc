/**
 * The strings of Webchat 3 (issue #27): what a website needs to use a chat address
 * (components/webchat/WebchatSetup.tsx) and the check for a deployment key connected to no address
 * (components/webchat/WebchatDeploymentCheck.tsx). Spread into the view's strings (strings.ts), so
 * an account rewords them under the same keys. The facts and their sources: docs/EVIDENCE.md,
 * "Webchat 3".
 */
export const webchatStrings = {
  MessagingSetupWebchatSetup: 'Use this address for a website’s chat (Webchat 3)',
  MessagingSetupWebchatSetupIntro:
    'A website’s chat widget (Flex Webchat 3) reaches agents through a chat address such as {{address}}. To put it on a website:',
  MessagingSetupWebchatStepKey:
    'In Twilio Console, open Flex › Channel management › Webchat and create a deployment key.',
  MessagingSetupWebchatStepConnect: 'Connect the deployment key to this address:',
  MessagingSetupWebchatAddressLabel: 'Address',
  MessagingSetupWebchatSidLabel: 'Address SID',
  MessagingSetupWebchatCopyAddress: 'Copy the chat address {{address}}',
  MessagingSetupWebchatCopySid: 'Copy the SID of the chat address {{address}}',
  MessagingSetupWebchatStepOrigins:
    'In the key’s settings, list its allowed origins: up to {{max}} website URLs (such as https://www.example.com) where customers may start a chat. Chats from any other site are refused.',
  MessagingSetupWebchatStepEmbed: 'Copy the embed code Flex generates for the key into the website’s pages.',
  MessagingSetupWebchatRouting:
    'Chats from the website then go where this address sends its messages, as its routing on this tab shows.',
  MessagingSetupWebchatReplaceKey:
    'If a deployment key may have leaked, replace it in Console with a new key connected to a chat address, and update the website’s embed code.',
  MessagingSetupWebchatCannotRead:
    'Messaging Setup cannot see deployment keys: Twilio offers no API to list them, so it cannot tell which key, if any, uses this address. Console shows them. What it can show is the warning Twilio logs when a website’s key is connected to no address (“Check Webchat deployments”).',
  MessagingSetupWebchatDocs: 'Twilio’s Webchat 3 guide',
  // The check for a deployment key connected to no address (Twilio's warning 45777).
  MessagingSetupWebchatCheck: 'Webchat deployments',
  MessagingSetupWebchatCheckIntro:
    'Messaging Setup cannot list Webchat 3 deployment keys, but Twilio logs a warning (45777) when a website’s chat uses a key that is connected to no address.',
  MessagingSetupWebchatCheckButton: 'Check Webchat deployments',
  MessagingSetupWebchatChecking: 'Reading the alerts Twilio logged…',
  MessagingSetupWebchatCheckFailed: 'Could not check the Webchat deployments: {{error}}',
  MessagingSetupWebchatCheckNone:
    'Twilio logged no “deployment key without an address” warning in the last {{days}} days.',
  MessagingSetupWebchatCheckNoneCaveat:
    'Twilio logs it when a website’s chat uses such a key, so this does not prove that every key is connected.',
  MessagingSetupWebchatCheckFound:
    'Twilio logged that a website’s chat uses a deployment key connected to no address (in the last {{days}} days):',
  MessagingSetupWebchatCheckFix:
    'Fix: in Console › Flex › Channel management › Webchat, open the deployment key that website’s embed code uses and connect it to a chat address (this tab lists them), or put the embed code of a connected key on the site. The alert in Console shows what Twilio logged with it.',
};
