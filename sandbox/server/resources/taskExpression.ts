import { invalidParameter } from '../twilioError';

/**
 * TaskRouter's expression language as the Tasks list's `EvaluateTaskAttributes` filter takes it
 * (twilio.com/docs/taskrouter/expression-syntax): comparisons of a task attribute (dotted path)
 * with a literal, joined by `AND`/`OR` (`&&`/`||`), with parentheses. The sandbox covers `==`,
 * `!=`, `<`, `>`, `<=`, `>=`, `IN`, `NOT IN`, `HAS` and `CONTAINS` on strings ('…' or "…"),
 * numbers, booleans and lists of them. Anything else is a 400 (code 20001; Twilio's own code for
 * a bad expression is not in a source here).
 */
type Literal = string | number | boolean | null | Literal[];
type Token = { kind: 'word' | 'op' | 'punct'; text: string } | { kind: 'literal'; value: Literal };

const TOKEN =
  /\s*(?:(\(|\)|\[|\]|,)|(==|!=|<=|>=|<|>|&&|\|\|)|"((?:[^"\\]|\\.)*)"|'((?:[^'\\]|\\.)*)'|(-?\d+(?:\.\d+)?)(?![\w.])|([A-Za-z_][\w.]*))/y;

function tokenize(expression: string): Token[] {
  const tokens: Token[] = [];
  TOKEN.lastIndex = 0;
  while (TOKEN.lastIndex < expression.length) {
    if (/^\s*$/.test(expression.slice(TOKEN.lastIndex))) break;
    const at = TOKEN.lastIndex;
    const m = TOKEN.exec(expression);
    if (!m) throw invalid(expression, `unexpected text at ${at}`);
    const [, punct, op, dq, sq, num, word] = m;
    if (punct) tokens.push({ kind: 'punct', text: punct });
    else if (op) tokens.push({ kind: 'op', text: op });
    else if (dq !== undefined || sq !== undefined)
      tokens.push({ kind: 'literal', value: (dq ?? sq).replace(/\\(.)/g, '$1') });
    else if (num !== undefined) tokens.push({ kind: 'literal', value: Number(num) });
    else if (word) {
      const upper = word.toUpperCase();
      if (upper === 'TRUE' || upper === 'FALSE') tokens.push({ kind: 'literal', value: upper === 'TRUE' });
      else if (upper === 'NULL') tokens.push({ kind: 'literal', value: null });
      else tokens.push({ kind: 'word', text: word });
    }
  }
  return tokens;
}

const invalid = (expression: string, why: string) =>
  invalidParameter(`Invalid EvaluateTaskAttributes expression ${JSON.stringify(expression)}: ${why}`);

type Predicate = (attributes: Record<string, unknown>) => boolean;

function valueAt(attributes: Record<string, unknown>, path: string): unknown {
  let node: unknown = attributes;
  for (const key of path.split('.')) {
    if (node === null || typeof node !== 'object' || Array.isArray(node)) return undefined;
    node = (node as Record<string, unknown>)[key];
  }
  return node;
}

/** Equality as TaskRouter compares: strings case-sensitively, numbers by value. */
const same = (a: unknown, b: Literal): boolean => a === b;

function compare(op: string, left: unknown, right: Literal): boolean {
  switch (op) {
    case '==':
      return same(left, right);
    case '!=':
      return !same(left, right);
    case '<':
    case '>':
    case '<=':
    case '>=': {
      if (typeof left !== typeof right || (typeof left !== 'number' && typeof left !== 'string')) return false;
      const l = left as number | string;
      const r = right as number | string;
      return op === '<' ? l < r : op === '>' ? l > r : op === '<=' ? l <= r : l >= r;
    }
    case 'IN':
      return Array.isArray(right) && right.some((r) => same(left, r));
    case 'NOT IN':
      return Array.isArray(right) && !right.some((r) => same(left, r));
    case 'HAS':
      return Array.isArray(left) && left.some((l: unknown) => same(l, right));
    case 'CONTAINS':
      return typeof left === 'string' && typeof right === 'string' && left.includes(right);
    default:
      return false;
  }
}

/** Parses an expression once; the predicate then tests each task's parsed attributes. */
export function parseTaskExpression(expression: string): Predicate {
  const tokens = tokenize(expression);
  let i = 0;
  const peek = () => tokens[i];
  const isWord = (t: Token | undefined, ...words: string[]) =>
    t?.kind === 'word' && words.includes(t.text.toUpperCase());
  const isPunct = (t: Token | undefined, text: string) => t?.kind === 'punct' && t.text === text;

  const literal = (): Literal => {
    const t = tokens[i++];
    if (t?.kind === 'literal') return t.value;
    if (isPunct(t, '[')) {
      const items: Literal[] = [];
      while (!isPunct(peek(), ']')) {
        items.push(literal());
        if (isPunct(peek(), ',')) i += 1;
        else if (!isPunct(peek(), ']')) throw invalid(expression, 'a list needs commas and a closing ]');
      }
      i += 1;
      return items;
    }
    throw invalid(expression, 'a value must be a quoted string, a number, true, false or a [list]');
  };

  const comparison = (): Predicate => {
    if (isPunct(peek(), '(')) {
      i += 1;
      const inner = orExpression();
      if (!isPunct(tokens[i++], ')')) throw invalid(expression, 'missing )');
      return inner;
    }
    const path = tokens[i++];
    if (path?.kind !== 'word') throw invalid(expression, 'a comparison starts with an attribute name');
    let op: string;
    const next = tokens[i++];
    if (next?.kind === 'op') op = next.text;
    else if (isWord(next, 'NOT') && isWord(peek(), 'IN')) {
      i += 1;
      op = 'NOT IN';
    } else if (isWord(next, 'IN', 'HAS', 'CONTAINS')) op = (next as { text: string }).text.toUpperCase();
    else throw invalid(expression, `no operator after ${path.text}`);
    if (op === '&&' || op === '||') throw invalid(expression, `no operator after ${path.text}`);
    const right = literal();
    return (attributes) => compare(op, valueAt(attributes, path.text), right);
  };

  const andExpression = (): Predicate => {
    const parts = [comparison()];
    while (isWord(peek(), 'AND') || (peek()?.kind === 'op' && (peek() as { text: string }).text === '&&')) {
      i += 1;
      parts.push(comparison());
    }
    return (attributes) => parts.every((p) => p(attributes));
  };

  function orExpression(): Predicate {
    const parts = [andExpression()];
    while (isWord(peek(), 'OR') || (peek()?.kind === 'op' && (peek() as { text: string }).text === '||')) {
      i += 1;
      parts.push(andExpression());
    }
    return (attributes) => parts.some((p) => p(attributes));
  }

  if (tokens.length === 0) throw invalid(expression, 'it is empty');
  const predicate = orExpression();
  if (i < tokens.length) throw invalid(expression, 'unexpected text after the expression');
  return predicate;
}
