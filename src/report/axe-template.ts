// axe-core's message templates, worded without eval: ${data.x} substitution, its message-picking rules, and the doT forms its locale files use.
//
// axe-core words a check's result from its locale file: a string or an object of variants
// (messageKey, singular/plural, missingData reasons) with ${data} and ${data.prop}
// placeholders; its failure summaries are doT templates. axe compiles those to JavaScript;
// a report must not run code from a data file, so this module reads them instead: the
// substitution and picking rules are ported from axe-core 4.14 (lib/core/utils/
// process-message.js, lib/core/base/audit.js, lib/core/reporters/helpers/failure-summary.js)
// and the doT subset is interpreted. A template that uses anything else is refused
// (undefined), and the caller falls back to axe's own English text.

/** A message in an axe locale file: text, or variants keyed by messageKey, singular/plural, missingData reason or "default". */
export type AxeMessage = string | { [key: string]: AxeMessage | undefined };

/** The messages of one check in one locale. */
export interface AxeCheckMessages {
  pass?: AxeMessage;
  fail?: AxeMessage;
  incomplete?: AxeMessage;
}

function toMessageString(value: unknown): string {
  if (value === undefined) return '';
  if (Array.isArray(value)) return value.join(', ');
  return String(value);
}

function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** axe's substitute(): ${data} for string data, ${data.prop} for each own property; unknown placeholders stay as written. */
export function substitute(text: string, data: unknown): string {
  if (typeof data === 'string') return text.replace(/\$\{\s?data\s?\}/g, () => data);
  if (data === null || typeof data !== 'object') return text;
  let out = text;
  for (const prop of Object.keys(data)) {
    const pattern = new RegExp(`\\$\\{\\s?data\\.${escapeRegex(prop)}\\s?\\}`, 'g');
    out = out.replace(pattern, () => toMessageString((data as Record<string, unknown>)[prop]));
  }
  return out;
}

/** axe's processMessage(): picks the variant for the data (plural by array length, messageKey, default) and fills it in. */
export function processMessage(message: AxeMessage | undefined, data: unknown, fallback: string): string | undefined {
  if (!message) return undefined;
  if (Array.isArray(data)) {
    // axe adds `values` (the items joined) to an array before substituting.
    const withValues: Record<string, unknown> = { ...data, values: data.join(', ') };
    if (typeof message === 'object' && typeof message.singular === 'string' && typeof message.plural === 'string') {
      return substitute(data.length === 1 ? message.singular : message.plural, withValues);
    }
    return typeof message === 'string' ? substitute(message, withValues) : undefined;
  }
  if (typeof message === 'string') return substitute(message, data);
  if (typeof data === 'string') {
    const picked = message[data];
    return typeof picked === 'string' ? substitute(picked, data) : undefined;
  }
  let picked: AxeMessage | undefined = message['default'] ?? fallback;
  const key = data && typeof data === 'object' ? (data as { messageKey?: unknown }).messageKey : undefined;
  if (typeof key === 'string' && Object.hasOwn(message, key) && message[key]) picked = message[key];
  return processMessage(picked, data, fallback);
}

/** axe's getIncompleteReason(): the "incomplete" variant named by the data's missingData reason or messageKey. */
function incompleteReason(data: unknown, messages: AxeCheckMessages, fallback: string): AxeMessage | undefined {
  const incomplete = messages.incomplete;
  const variants = typeof incomplete === 'object' ? incomplete : {};
  const byDefault = (): AxeMessage => variants['default'] ?? fallback;
  const record = data && typeof data === 'object' ? (data as { missingData?: unknown; messageKey?: unknown }) : undefined;
  if (record?.missingData) {
    const first = Array.isArray(record.missingData) ? (record.missingData[0] as { reason?: unknown } | undefined) : undefined;
    const reason = first && typeof first.reason === 'string' ? variants[first.reason] : undefined;
    if (reason) return reason;
    if (typeof record.missingData === 'string') return variants[record.missingData];
    return byDefault();
  }
  if (record && typeof record.messageKey === 'string') return variants[record.messageKey];
  return byDefault();
}

/**
 * The text of one failing check, as axe would word it: `fail` for a check that failed (also
 * in a needs-review result of a rule that reviews on fail), `incomplete` for one that could not tell.
 */
export function checkMessage(messages: AxeCheckMessages, type: 'fail' | 'incomplete', data: unknown, fallback: string): string | undefined {
  let message: AxeMessage | undefined;
  if (type === 'incomplete') {
    if (typeof messages.incomplete === 'object' && !Array.isArray(data)) message = incompleteReason(data, messages, fallback);
    message ||= messages.incomplete || fallback;
  } else {
    message = messages.fail;
  }
  return processMessage(message, data, fallback);
}

// ---------- the doT subset of axe's failure summaries ----------

type Node = { type: 'text'; text: string } | { type: 'print'; expr: Expr } | { type: 'each'; list: Expr; item: string; index?: string; body: Node[] };

/** A value path with the only methods the templates call: `value.split('\n').join('\n  ')`, `it.data.x`. */
interface Expr {
  base: string;
  steps: ({ kind: 'prop'; name: string } | { kind: 'call'; name: 'split' | 'join'; arg: string })[];
}

class Unsupported extends Error {}

/** A JavaScript string literal ('…' or "…") with the usual escapes, starting at `start`; returns its value and end. */
function readString(source: string, start: number): { value: string; end: number } {
  const quote = source[start];
  if (quote !== "'" && quote !== '"') throw new Unsupported(`expected a string at ${start}`);
  const escapes: Record<string, string> = { n: '\n', t: '\t', r: '\r', '\\': '\\', "'": "'", '"': '"' };
  let value = '';
  for (let i = start + 1; i < source.length; i++) {
    const char = source[i];
    if (char === quote) return { value, end: i + 1 };
    if (char === '\\') {
      const next = source[++i];
      if (next === undefined || !Object.hasOwn(escapes, next)) throw new Unsupported(`escape \\${next}`);
      value += escapes[next];
    } else value += char;
  }
  throw new Unsupported('unterminated string');
}

function parseExpr(source: string): Expr {
  const text = source.trim();
  const base = /^[A-Za-z_$][\w$]*/.exec(text);
  if (!base) throw new Unsupported(`expression ${text}`);
  const expr: Expr = { base: base[0], steps: [] };
  let i = base[0].length;
  while (i < text.length) {
    const member = /^\.([A-Za-z_$][\w$]*)/.exec(text.slice(i));
    if (!member) throw new Unsupported(`expression ${text}`);
    i += member[0].length;
    if (text[i] === '(') {
      if (member[1] !== 'split' && member[1] !== 'join') throw new Unsupported(`method ${member[1]}`);
      const arg = readString(text, i + 1);
      if (text[arg.end] !== ')') throw new Unsupported(`call in ${text}`);
      expr.steps.push({ kind: 'call', name: member[1], arg: arg.value });
      i = arg.end + 1;
    } else {
      expr.steps.push({ kind: 'prop', name: member[1] });
    }
  }
  return expr;
}

/** Parses a template into nodes; throws Unsupported for any doT form beyond {{= }} and {{~ }}…{{~}}. */
function parseTemplate(template: string): Node[] {
  const root: Node[] = [];
  const stack: Node[][] = [root];
  const tag = /\{\{([\s\S]*?)\}\}/g;
  let last = 0;
  for (let match = tag.exec(template); match; match = tag.exec(template)) {
    const current = stack[stack.length - 1];
    if (match.index > last) current.push({ type: 'text', text: template.slice(last, match.index) });
    last = match.index + match[0].length;
    // As doT does with the code inside {{ }}: raw line breaks and tabs become spaces (he.json has one in a string).
    const body = match[1].replace(/[\r\t\n]/g, ' ');
    if (body.startsWith('=')) {
      current.push({ type: 'print', expr: parseExpr(body.slice(1)) });
    } else if (body.trim() === '~') {
      if (stack.length === 1) throw new Unsupported('{{~}} without a loop');
      stack.pop();
    } else if (body.startsWith('~')) {
      const loop = /^~\s*([^:]+?)\s*:\s*([A-Za-z_$][\w$]*)\s*(?::\s*([A-Za-z_$][\w$]*)\s*)?$/.exec(body);
      if (!loop) throw new Unsupported(`loop ${body}`);
      const node: Node = { type: 'each', list: parseExpr(loop[1]), item: loop[2], ...(loop[3] ? { index: loop[3] } : {}), body: [] };
      current.push(node);
      stack.push(node.body);
    } else {
      throw new Unsupported(`tag {{${body}}}`);
    }
  }
  if (stack.length !== 1) throw new Unsupported('unclosed loop');
  if (last < template.length) root.push({ type: 'text', text: template.slice(last) });
  return root;
}

function evaluate(expr: Expr, scope: Record<string, unknown>): unknown {
  if (!Object.hasOwn(scope, expr.base)) throw new Unsupported(`unknown name ${expr.base}`);
  let value = scope[expr.base];
  for (const step of expr.steps) {
    if (step.kind === 'prop') {
      value = value !== null && typeof value === 'object' && Object.hasOwn(value, step.name) ? (value as Record<string, unknown>)[step.name] : undefined;
    } else if (step.name === 'split') {
      value = String(value ?? '').split(step.arg);
    } else {
      if (!Array.isArray(value)) throw new Unsupported('join on a non-list');
      value = value.join(step.arg);
    }
  }
  return value;
}

function run(nodes: Node[], scope: Record<string, unknown>): string {
  let out = '';
  for (const node of nodes) {
    if (node.type === 'text') out += node.text;
    else if (node.type === 'print') {
      // doT prints `=` values as they are; undefined and null print as nothing in axe's output.
      const value = evaluate(node.expr, scope);
      out += value === undefined || value === null ? '' : String(value);
    } else {
      const list = evaluate(node.list, scope);
      if (!Array.isArray(list)) continue;
      list.forEach((item, index) => {
        out += run(node.body, { ...scope, [node.item]: item, ...(node.index ? { [node.index]: index } : {}) });
      });
    }
  }
  return out;
}

/** A doT template of the forms axe's locale files use, as a function of `it`; undefined when it uses anything else. */
export function compileDot(template: string): ((it: unknown) => string | undefined) | undefined {
  let nodes: Node[];
  try {
    nodes = parseTemplate(template);
  } catch (error) {
    if (error instanceof Unsupported) return undefined;
    throw error;
  }
  return (it) => {
    try {
      return run(nodes, { it });
    } catch (error) {
      if (error instanceof Unsupported) return undefined;
      throw error;
    }
  };
}
