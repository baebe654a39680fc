// Hook flex-plugin-scripts calls to extend its webpack 4 configuration. The Flex defaults
// (React/ReactDOM/Redux/ReactRedux externals, @twilio/flex-ui shim) stay as they are.
//
// What is added keeps the plugin bundle within its budget (docs/PERFORMANCE.md, "Plugin bundle";
// `npm run bundle:size`) without changing what runs: each step swaps a file for one that exports the
// same code in a form webpack 4 can prune, or drops code nothing in the bundle calls. Each applies
// only when the installed packages are as described, so a Paste upgrade falls back to the plain
// build (bigger, never broken) and the budget check then says so.
const crypto = require('crypto');
const fs = require('fs');
const path = require('path');
const webpack = require('webpack');
const { RawSource } = require('webpack-sources');

const shims = path.join(__dirname, 'scripts', 'webpack');
const packageDir = (name, from = __dirname) => path.dirname(require.resolve(`${name}/package.json`, { paths: [from] }));
const readJson = (file) => JSON.parse(fs.readFileSync(file, 'utf8'));
const pasteDir = path.dirname(packageDir('@twilio-paste/core'));

/**
 * `@twilio-paste/core/<name>` is a CommonJS file re-exporting all of `@twilio-paste/<name>`
 * (`Object.keys(require(...)).forEach(...)`), which makes webpack keep every export of every Paste
 * package behind it. Resolving the sub-path to the package it re-exports (the same code, in its ES
 * module build) lets webpack drop unused exports. Only files that are exactly such a re-export are
 * aliased. Jest is unaffected: it still loads the CommonJS files.
 */
function pasteCoreAliases() {
  const coreDir = packageDir('@twilio-paste/core');
  const aliases = {};
  for (const file of fs.readdirSync(path.join(coreDir, 'dist'))) {
    if (!file.endsWith('.js') || file === 'index.js') continue;
    const source = fs.readFileSync(path.join(coreDir, 'dist', file), 'utf8');
    const requires = [...source.matchAll(/require\("([^"]+)"\)/g)].map((m) => m[1]);
    if (requires.length !== 1 || !requires[0].startsWith('@twilio-paste/')) continue;
    aliases[`@twilio-paste/core/${file.slice(0, -'.js'.length)}$`] = packageDir(requires[0], coreDir);
  }
  return aliases;
}

/**
 * `@twilio-paste/reakit-library` is all of reakit pre-bundled into one file; the shim re-exports the
 * same names from reakit's per-component ES build. Only when reakit-library and the shim resolve
 * the same reakit, at the exact version reakit-library declares.
 */
function reakitAlias() {
  const libraryDir = packageDir('@twilio-paste/reakit-library');
  const wanted = readJson(path.join(libraryDir, 'package.json')).dependencies.reakit;
  const reakitDir = packageDir('reakit', libraryDir);
  const same =
    reakitDir === packageDir('reakit', shims) && readJson(path.join(reakitDir, 'package.json')).version === wanted;
  return same ? { '@twilio-paste/reakit-library$': path.join(shims, 'reakit-library.js') } : {};
}

/** The Paste packages whose ES build imports `request`, by name. */
function pasteImporters(request) {
  return fs
    .readdirSync(pasteDir)
    .filter((name) => {
      const file = path.join(pasteDir, name, 'dist', 'index.es.js');
      return fs.existsSync(file) && fs.readFileSync(file, 'utf8').includes(`from"${request}"`);
    })
    .sort()
    .join();
}

/** The Paste themes Flex never asks for (see below). */
const UNUSED_THEMES = ['evergreen', 'sendgrid', 'twilio', 'twilio-dark'];

/** The theme token files @twilio-paste/theme imports, by theme name. */
function pasteThemeImports() {
  const file = path.join(packageDir('@twilio-paste/theme'), 'dist', 'index.es.js');
  const source = fs.readFileSync(file, 'utf8');
  return [...source.matchAll(/from"@twilio-paste\/design-tokens\/dist\/themes\/([\w-]+)\/tokens\.es6"/g)]
    .map((m) => m[1])
    .sort()
    .join();
}

/** The themes Flex's setProviders passes to a plugin's Paste provider, from Flex's own bundle. */
function flexThemes() {
  const file = path.join(packageDir('@twilio/flex-ui'), 'bundle', 'twilio-flex.prod.js');
  if (!fs.existsSync(file)) return '';
  const source = fs.readFileSync(file, 'utf8');
  const wrapper = /PasteThemeProvider.{0,200}?baseTheme:\(.{0,80}?isLight\)\?"(\w+)":"(\w+)"/.exec(source);
  return wrapper ? [wrapper[1], wrapper[2]].sort().join() : '';
}

/** Where the view's code goes, in build/ and in the backend's public assets (src/…/registration/loadViewCode.ts). */
const VIEW_CODE_FOLDER = 'messaging-setup-view';
const backendAssets = path.join(__dirname, 'serverless', 'assets', VIEW_CODE_FOLDER);

/**
 * Writes the build's view code (its `.js` chunks, no source maps) into the backend's public assets,
 * replacing what an earlier build left there: the backend serves the code the plugin bundle of the
 * same build asks for (Flex serves a plugin's one bundle from private Twilio Assets, so files beside
 * it are not reachable by the browser; docs/ARCHITECTURE.md, "Loading the view on open").
 */
class ViewCodeToBackendAssets {
  apply(compiler) {
    compiler.hooks.afterEmit.tap('ViewCodeToBackendAssets', (compilation) => {
      const outputDir = compilation.outputOptions.path;
      const emitted = new Set(
        Object.keys(compilation.assets).filter((file) => file.startsWith(`${VIEW_CODE_FOLDER}/`)),
      );
      // flex-plugin build does not empty build/: drop an earlier build's view code there too, so
      // build/ holds one build (the budget and secrets checks read all of it).
      const buildFolder = path.join(outputDir, VIEW_CODE_FOLDER);
      for (const file of fs.existsSync(buildFolder) ? fs.readdirSync(buildFolder) : []) {
        if (!emitted.has(`${VIEW_CODE_FOLDER}/${file}`)) fs.rmSync(path.join(buildFolder, file));
      }
      const chunkFiles = [...emitted].filter((file) => file.endsWith('.js'));
      fs.rmSync(backendAssets, { recursive: true, force: true });
      fs.mkdirSync(backendAssets, { recursive: true });
      for (const file of chunkFiles) {
        fs.copyFileSync(path.join(outputDir, file), path.join(backendAssets, path.basename(file)));
      }
    });
  }
}

/** The names each Paste package the animation stand-in serves imports from the library, as built. */
const ANIMATION_IMPORTS = {
  button: 'animated,useSpring',
  modal: 'animated,useTransition',
  theme: 'Globals,useReducedMotion',
  customization: 'Globals,useReducedMotion',
};

/** The folders of those packages, when each imports exactly what the stand-in was written for. */
function animationLibraryUsers() {
  const dirs = [];
  for (const [name, expected] of Object.entries(ANIMATION_IMPORTS)) {
    const file = path.join(pasteDir, name, 'dist', 'index.es.js');
    if (!fs.existsSync(file)) return [];
    const match = /import\{([^}]*)\}from"@twilio-paste\/animation-library"/.exec(fs.readFileSync(file, 'utf8'));
    const names = match
      ? match[1]
          .split(',')
          .map((n) => n.trim().split(/\s+as\s+/)[0])
          .sort()
          .join()
      : '';
    if (names !== expected) return [];
    dirs.push(path.join(pasteDir, name));
  }
  return dirs;
}

/**
 * Names each chunk of the view's code by the hash of its final, minified content. webpack 4's
 * `[contenthash]` hashes the modules before minification, with what Babel put in them — absolute
 * paths of the checkout — so the same sources built in two folders (a deploy of the backend and one
 * of the plugin) got two names for the same code. After minification the code is the same
 * wherever it is built; its hash (with its own name left out) renames the chunk, its map and its
 * license file, and every mention of the old name in the other files (the registration's chunk map).
 */
class RealContentHash {
  apply(compiler) {
    compiler.hooks.compilation.tap('RealContentHash', (compilation) => {
      compilation.hooks.optimizeAssets.tap('RealContentHash', (assets) => {
        for (const chunk of compilation.chunks.filter((c) => !c.canBeInitial())) {
          const file = chunk.files.find((f) => /\.[0-9a-f]{16}\.js$/.test(f));
          if (!file) continue;
          const old = /\.([0-9a-f]{16})\.js$/.exec(file)[1];
          const code = String(assets[file].source());
          const fresh = crypto.createHash('sha256').update(code.split(old).join('')).digest('hex').slice(0, 16);
          if (fresh === old) continue;
          for (const name of Object.keys(assets)) {
            const source = assets[name].source();
            const text = typeof source === 'string' ? source : source.toString('utf8');
            const renamed = name.split(old).join(fresh);
            const replaced = text.includes(old) ? new RawSource(text.split(old).join(fresh)) : assets[name];
            if (renamed !== name) delete assets[name];
            assets[renamed] = replaced;
          }
          chunk.files = chunk.files.map((f) => f.split(old).join(fresh));
          chunk.renderedHash = fresh;
        }
      });
    });
  }
}

module.exports = (config) => {
  // The view's code is a chunk of its own, loaded on first open from the backend (the public path is
  // set at run time). Its name carries its content hash, so a plugin bundle only ever loads the
  // view code it was built with. A name of our own for webpack's chunk callback, on `window` (the
  // chunk is a script tag there), so no other bundle on Flex's page shares it.
  config.output.chunkFilename = `${VIEW_CODE_FOLDER}/[name].[contenthash:16].js`;
  config.output.jsonpFunction = 'webpackJsonpMessagingSetup';
  config.output.globalObject = 'window';
  config.plugins.push(new RealContentHash(), new ViewCodeToBackendAssets());

  // No webpack size hints: their 244 KiB limit on each minified file is not our budget, and the
  // view's code (Paste included, loaded only when a permitted user opens the view) is above it by
  // design, so every build said "compiled with some warnings" about nothing to act on. The budgets
  // that matter — gzip, for the registration every Flex start loads and for all a user can ever
  // load — are scripts/bundleBudget.ts', which `npm run bundle:size` and `npm test` enforce.
  config.performance = { ...config.performance, hints: false };

  const aliases = { ...pasteCoreAliases(), ...reakitAlias() };
  // Only @twilio-paste/theme's unused useThemeContrastCheck imports it: see the stub's comment.
  const contrastStubbed = pasteImporters('@twilio-paste/color-contrast-utils') === 'theme';
  if (contrastStubbed) aliases['@twilio-paste/color-contrast-utils$'] = path.join(shims, 'color-contrast-utils.js');
  config.resolve.alias = { ...config.resolve.alias, ...aliases };
  config.module.rules.push({ include: shims, sideEffects: false });

  // With the contrast utils stubbed, style-props is the raw token JSON's one reader, and it needs
  // only the deprecated tokens' names. Checked, because a new reader would need the whole file.
  const rawJsonReaders = pasteImporters('@twilio-paste/design-tokens/dist/tokens.raw.json');
  if (contrastStubbed && rawJsonReaders === 'color-contrast-utils,style-props') {
    config.module.rules.push({
      test: /[\\/]@twilio-paste[\\/]design-tokens[\\/]dist[\\/]tokens\.raw\.json$/,
      use: path.join(shims, 'deprecated-tokens-loader.js'),
    });
  }

  // Flex hands its Paste provider only the "default" or the "dark" theme (its setProviders wrapper
  // passes `baseTheme: theme.isLight ? "default" : "dark"`; read in @twilio/flex-ui 2.17's bundle),
  // so the other four themes' tokens that @twilio-paste/theme imports are never chosen: each is
  // resolved to the default theme's tokens (the same exports), which the bundle holds anyway.
  // Checked, because a Paste that imports other files, or a Flex that passes another theme, needs them.
  const themeImports = pasteThemeImports();
  if (themeImports === UNUSED_THEMES.concat(['dark']).sort().join() && flexThemes() === 'dark,default') {
    config.plugins.push(
      new webpack.NormalModuleReplacementPlugin(
        new RegExp(`[\\/]design-tokens[\\/]dist[\\/]themes[\\/](${UNUSED_THEMES.join('|')})[\\/]tokens\\.es6(\\.js)?$`),
        (resource) => {
          resource.request = '@twilio-paste/design-tokens';
        },
      ),
    );
  }

  // react-spring, through @twilio-paste/animation-library, only for the Paste packages whose use of it
  // the stand-in covers (scripts/webpack/animation-library.js): each must import exactly the names it
  // checks for. Any other importer gets the real library (bigger, never broken).
  const animationUsers = animationLibraryUsers();
  if (animationUsers.length > 0) {
    config.plugins.push(
      new webpack.NormalModuleReplacementPlugin(/^@twilio-paste\/animation-library$/, (resource) => {
        const issuer = (resource.contextInfo && resource.contextInfo.issuer) || '';
        if (animationUsers.some((dir) => issuer.startsWith(dir + path.sep))) {
          resource.request = path.join(shims, 'animation-library.js');
        }
      }),
    );
  }

  // Function names: Flex's defaults keep every one in the minified bundle (terser keep_fnames),
  // which nothing here reads (React names components by displayName in development builds only,
  // and Flex's provider wrapper only uses a name for its own displayName). Classes keep theirs:
  // Flex's plugin loader sees the plugin's class.
  for (const minimizer of (config.optimization && config.optimization.minimizer) || []) {
    const terser = minimizer.options && minimizer.options.terserOptions;
    if (terser && terser.keep_fnames === true) terser.keep_fnames = false;
  }

  // ANALYZE=1: write a real source map (build/plugin-messaging-setup.js.map) to see what the
  // bundle is made of. The production build otherwise writes an empty one.
  if (process.env.ANALYZE === '1') {
    config.devtool = false;
    config.plugins = config.plugins.filter((p) => !(p instanceof webpack.SourceMapDevToolPlugin));
    config.plugins.push(new webpack.SourceMapDevToolPlugin({ filename: '[file].map' }));
  }
  return config;
};
