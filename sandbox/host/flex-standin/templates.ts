// Flex compiles `manager.strings` into Handlebars templates (`templates[key]`). The stand-in needs
// only variable substitution: `{{name}}`, `{{{name}}}` and dotted paths (`{{task.name}}`).

export type CompiledTemplate = (context?: object) => string;
export type Strings = Record<string, string>;

const PLACEHOLDER = /\{\{\{?\s*([\w.$-]+)\s*\}?\}\}/g;

function lookup(context: object | undefined, path: string): unknown {
  let value: unknown = context;
  for (const part of path.split('.')) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<string, unknown>)[part];
  }
  return value;
}

export function compileTemplate(source: string): CompiledTemplate {
  return (context) =>
    source.replace(PLACEHOLDER, (_match, path: string) => {
      const value = lookup(context, path);
      return value === undefined || value === null ? '' : String(value);
    });
}

/** `templates[key]` for every key of the current strings (read live, so new strings appear at once). */
export function createTemplates(getStrings: () => Strings): Record<string, CompiledTemplate | undefined> {
  return new Proxy({} as Record<string, CompiledTemplate | undefined>, {
    get(_target, key) {
      if (typeof key !== 'string') return undefined;
      const source = getStrings()[key];
      return typeof source === 'string' ? compileTemplate(source) : undefined;
    },
    has(_target, key) {
      return typeof key === 'string' && typeof getStrings()[key] === 'string';
    },
    ownKeys() {
      return Object.keys(getStrings());
    },
    getOwnPropertyDescriptor(_target, key) {
      if (typeof key !== 'string' || typeof getStrings()[key] !== 'string') return undefined;
      return { enumerable: true, configurable: true, value: compileTemplate(getStrings()[key]) };
    },
  });
}
