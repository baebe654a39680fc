// webpack loader for `@twilio-paste/design-tokens/dist/tokens.raw.json` (see webpack.config.js).
//
// The file is every design token with its metadata (~125 KB minified). Its one reader left in the
// plugin bundle is @twilio-paste/style-props, which only lists the names of deprecated tokens:
//   Object.values(RawJSON.props).filter((token) => token.deprecated).map((token) => camelCase(token.name))
// Keeping exactly those entries, their two fields and their order gives it the same list.
module.exports = function deprecatedTokensOnly(source) {
  const raw = JSON.parse(source);
  const props = {};
  for (const [key, token] of Object.entries(raw.props)) {
    if (token.deprecated) props[key] = { name: token.name, deprecated: token.deprecated };
  }
  return JSON.stringify({ props });
};
