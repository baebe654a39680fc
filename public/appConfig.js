// Flex UI configuration used only when the plugin runs locally under flex-plugin-scripts.
// The sandbox host page (sandbox/host) does not read it; real Flex serves its own.
var appConfig = {
  pluginService: {
    enabled: true,
    url: '/plugins',
  },
  sso: {
    accountSid: '',
  },
  ytica: false,
  logLevel: 'info',
  showSupervisorDesktopView: true,
};
