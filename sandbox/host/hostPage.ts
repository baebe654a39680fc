import { HOST_CONFIG_ELEMENT_ID, type HostPageConfig } from './session';

/** The host page's own look: a Flex-like shell (header, side navigation, view area, notifications). */
const STYLES = `
:root { --flex-host-header: #121c2d; --flex-host-accent: #0263e0; --flex-host-border: #e1e3ea; --flex-host-nav: #f4f4f6; }
* { box-sizing: border-box; }
html, body, #root { height: 100%; margin: 0; }
body { font-family: Inter, -apple-system, BlinkMacSystemFont, "Segoe UI", Roboto, "Liberation Sans", "DejaVu Sans", sans-serif; color: #121c2d; background: #fff; font-size: 14px; }
.flex-host-visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
.flex-host-loading, .flex-host-fatal { padding: 48px; }
.flex-host-fatal h1, .flex-host-crash h2 { color: #d61f1f; font-size: 20px; }
.flex-host-crash { margin: 24px 32px; padding: 16px 20px; border: 1px solid #f6b1b1; border-radius: 8px; background: #feecec; }
.Twilio-RootContainer { display: flex; flex-direction: column; height: 100vh; }
.Twilio-MainHeader { display: flex; align-items: center; gap: 12px; height: 56px; padding: 0 16px; background: var(--flex-host-header); color: #fff; flex: none; }
.Twilio-MainHeader-Logo { color: #f22f46; display: inline-flex; }
.Twilio-MainHeader-Title { font-weight: 600; font-size: 16px; }
.Twilio-MainHeader-User { margin-left: auto; display: flex; align-items: center; gap: 10px; }
.Twilio-MainHeader-Role { background: #394762; border-radius: 10px; padding: 2px 10px; font-size: 12px; text-transform: capitalize; }
.Twilio-MainHeader-Avatar { width: 32px; height: 32px; border-radius: 50%; background: #e1e3ea; color: #121c2d; display: inline-flex; align-items: center; justify-content: center; font-weight: 600; font-size: 12px; }
.Twilio-RootContainer-Body { display: flex; flex: 1; min-height: 0; }
.Twilio-SideNav { width: 208px; flex: none; background: var(--flex-host-nav); border-right: 1px solid var(--flex-host-border); padding: 8px 0; display: flex; flex-direction: column; gap: 2px; }
.Twilio-Side-Link { --flex-host-icon-hole: var(--flex-host-nav); display: flex; align-items: center; gap: 12px; width: 100%; padding: 10px 16px; border: 0; border-left: 4px solid transparent; background: transparent; color: #394762; font: inherit; text-align: left; cursor: pointer; }
.Twilio-Side-Link:hover { background: #e8eaf0; --flex-host-icon-hole: #e8eaf0; }
.Twilio-Side-Link:focus-visible { outline: 2px solid var(--flex-host-accent); outline-offset: -2px; }
.Twilio-Side-Link-Active { border-left-color: var(--flex-host-accent); background: #fff; color: var(--flex-host-accent); font-weight: 600; --flex-host-icon-hole: #fff; }
.Twilio-Side-Link-Icon { display: inline-flex; }
/* As real Flex: the views area does not scroll, and neither does a view; a view that needs to scroll does so itself. */
.Twilio-RootContainer-Main { position: relative; flex: 1; min-width: 0; overflow: hidden; }
.Twilio-ViewCollection, .Twilio-View-Container, .Twilio-View { height: 100%; overflow: hidden; }
.Twilio-View-Container[hidden] { display: none; }
.flex-host-panel { padding: 24px 32px; max-width: 880px; }
.flex-host-heading { font-size: 24px; margin: 0 0 12px; }
.flex-host-facts { display: grid; grid-template-columns: max-content 1fr; gap: 6px 16px; margin: 20px 0; padding: 16px; border: 1px solid var(--flex-host-border); border-radius: 8px; }
.flex-host-facts dt { color: #606b85; }
.flex-host-facts dd { margin: 0; font-family: "DejaVu Sans Mono", Menlo, monospace; font-size: 13px; word-break: break-all; }
.Twilio-NotificationBar { position: absolute; top: 0; left: 0; right: 0; display: flex; flex-direction: column; z-index: 6; overflow: hidden; }
.Twilio-Notification { display: flex; align-items: flex-start; gap: 10px; padding: 10px 16px; border-bottom: 2px solid; background: #f4f4f6; }
.Twilio-Notification-information { border-color: #0263e0; background: #ebf4ff; }
.Twilio-Notification-success { border-color: #14b053; background: #edfdf3; }
.Twilio-Notification-warning { border-color: #f47c22; background: #fef5ee; }
.Twilio-Notification-error { border-color: #d61f1f; background: #feecec; }
.Twilio-Notification-Type { font-weight: 600; }
.Twilio-Notification-Content { flex: 1; }
.Twilio-Notification-Close { border: 0; background: transparent; font-size: 18px; line-height: 1; cursor: pointer; color: #394762; }
`;

const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);

/** JSON inside <script> must not contain `</script>` or `<!--`. */
const scriptJson = (value: unknown) => JSON.stringify(value).replace(/</g, '\\u003c');

function document(title: string, body: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<link rel="icon" href="data:,">
<style>${STYLES}</style>
</head>
<body>
${body}
</body>
</html>
`;
}

/** The Flex host page: vendor globals, the stand-in (which reads the config and boots), nothing else. */
export function renderHostPage(config: HostPageConfig): string {
  return document(
    'Twilio Flex (local sandbox)',
    `<div id="root"><p class="flex-host-loading">Loading Flex (local sandbox) as ${escapeHtml(config.role)}…</p></div>
<script id="${HOST_CONFIG_ELEMENT_ID}" type="application/json">${scriptJson(config)}</script>
<script src="/vendor/react.js"></script>
<script src="/vendor/react-dom.js"></script>
<script src="/vendor/redux.js"></script>
<script src="/vendor/react-redux.js"></script>
<script src="/flex-standin.js"></script>`,
  );
}

export function renderErrorPage(title: string, message: string, links: { href: string; label: string }[] = []): string {
  const list = links.length
    ? `<ul>${links.map((l) => `<li><a href="${escapeHtml(l.href)}">${escapeHtml(l.label)}</a></li>`).join('')}</ul>`
    : '';
  return document(
    `${title} · Twilio Flex (local sandbox)`,
    `<div class="flex-host-fatal" role="alert"><h1>${escapeHtml(title)}</h1><p>${escapeHtml(message)}</p>${list}</div>`,
  );
}

/**
 * The real-Flex host page: only the boot script (real-flex/browser/boot.ts), which routes Flex's
 * Twilio traffic to this host, signs in and starts the Flex UI runtime. No referrer: with one,
 * Flex reloads the page and loses the token in its URL.
 */
export function renderRealFlexPage(role: string, identity?: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>Twilio Flex (real Flex UI, local sandbox)</title>
<link rel="icon" href="data:,">
<style>
/* As Flex's own page (flex-plugin-scripts' dev_assets/flex.css): Flex fills a viewport-sized flex box. */
body, #root { width: 100vw; height: 100vh; margin: 0; display: flex; }
.real-flex-loading, .real-flex-fatal { padding: 48px; font-family: Inter, -apple-system, "Segoe UI", Roboto, "Liberation Sans", sans-serif; color: #121c2d; }
.real-flex-fatal h1 { color: #d61f1f; font-size: 20px; }
</style>
</head>
<body>
<div id="root"><p class="real-flex-loading">Loading the real Flex UI (local sandbox) as ${escapeHtml(identity ? `${identity} (${role})` : role)}… <span id="real-flex-status"></span></p></div>
<script src="/_flex/boot.js"></script>
</body>
</html>
`;
}
