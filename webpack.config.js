// Hook flex-plugin-scripts calls to extend its webpack 4 configuration. Nothing to add yet:
// the Flex defaults (React/ReactDOM/Redux/ReactRedux externals, @twilio/flex-ui shim) are what we need.
module.exports = (config) => config;
