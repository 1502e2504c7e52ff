/**
 * A deliberately small, safe subset of CEL — enough for what the SDK
 * generates (`event.data.x == async.data.x` for `match`, onFailure's
 * `event.data.function_id == '...'`) and simple hand-written conditions.
 *
 * Grammar: `||`, `&&`, `!`, comparisons (== != < <= > >=), parentheses,
 * dotted/indexed paths rooted at an allowed variable, and string / number /
 * bool / null literals. Anything else (function calls, arithmetic, macros)
 * fails to compile so the caller can reject the feature loudly instead of
 * mis-evaluating it.
 */

export class ExpressionError extends Error {
  override name = "ExpressionError";
}

type Node =
  | { kind: "lit"; value: unknown }
  | { kind: "path"; root: string; keys: (string | number)[] }
  | { kind: "not"; arg: Node }
  | { kind: "bin"; op: string; left: Node; right: Node };

export type Vars = Record<string, unknown>;

export interface Compiled {
  source: string;
  /** True when the expression is a bare path or literal (usable as a key). */
  simple: boolean;
  evaluate(vars: Vars): unknown;
}

const tokenPattern = /\s*(?:(\d+(?:\.\d+)?)|("(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*')|([A-Za-z_][A-Za-z0-9_]*)|(==|!=|<=|>=|&&|\|\||[<>!().[\]]))/y;

function tokenize(src: string): string[] {
  const tokens: string[] = [];
  tokenPattern.lastIndex = 0;
  while (tokenPattern.lastIndex < src.length) {
    if (/^\s*$/.test(src.slice(tokenPattern.lastIndex))) break;
    const m = tokenPattern.exec(src);
    if (!m) throw new ExpressionError(`unsupported syntax at "${src.slice(tokenPattern.lastIndex).trim()}"`);
    tokens.push((m[1] ?? m[2] ?? m[3] ?? m[4]) as string);
  }
  return tokens;
}

const escapes: Record<string, string> = { n: "\n", t: "\t", r: "\r", "\\": "\\", "'": "'", '"': '"' };

function unescape(body: string): string {
  return body.replace(/\\(u[0-9a-fA-F]{4}|.)/g, (_, esc: string) => {
    if (esc.startsWith("u") && esc.length === 5) return String.fromCharCode(parseInt(esc.slice(1), 16));
    const out = escapes[esc];
    if (out === undefined) throw new ExpressionError(`unsupported escape "\\${esc}"`);
    return out;
  });
}

function literal(token: string): { value: unknown } | undefined {
  if (/^\d/.test(token)) return { value: Number(token) };
  if (token.startsWith('"') || token.startsWith("'")) return { value: unescape(token.slice(1, -1)) };
  if (token === "true") return { value: true };
  if (token === "false") return { value: false };
  if (token === "null") return { value: null };
  return undefined;
}

function parse(src: string, roots: readonly string[]): Node {
  const tokens = tokenize(src);
  let pos = 0;
  const peek = () => tokens[pos];
  const take = (expected?: string): string => {
    const t = tokens[pos++];
    if (t === undefined || (expected !== undefined && t !== expected))
      throw new ExpressionError(`expected "${expected ?? "a value"}" but found "${t ?? "end of expression"}"`);
    return t;
  };
  const binary = (next: () => Node, ops: string[]) => (): Node => {
    let left = next();
    while (ops.includes(peek() ?? "")) left = { kind: "bin", op: take(), left, right: next() };
    return left;
  };
  const primary = (): Node => {
    const t = take();
    if (t === "(") {
      const inner = or();
      take(")");
      return inner;
    }
    if (t === "!") return { kind: "not", arg: primary() };
    const lit = literal(t);
    if (lit) return { kind: "lit", value: lit.value };
    if (!/^[A-Za-z_]/.test(t)) throw new ExpressionError(`unexpected "${t}"`);
    if (peek() === "(") throw new ExpressionError(`function calls are not supported (${t}(...))`);
    if (!roots.includes(t)) throw new ExpressionError(`unknown variable "${t}" (allowed: ${roots.join(", ")})`);
    const keys: (string | number)[] = [];
    for (;;) {
      if (peek() === ".") {
        take(".");
        const key = take();
        if (!/^[A-Za-z_]/.test(key)) throw new ExpressionError(`invalid field name "${key}"`);
        keys.push(key);
      } else if (peek() === "[") {
        take("[");
        const idx = literal(take());
        if (!idx || (typeof idx.value !== "string" && typeof idx.value !== "number"))
          throw new ExpressionError("index must be a string or number literal");
        keys.push(idx.value);
        take("]");
      } else break;
    }
    if (peek() === "(") throw new ExpressionError("function calls are not supported");
    return { kind: "path", root: t, keys };
  };
  const comparison = binary(primary, ["==", "!=", "<", "<=", ">", ">="]);
  const and = binary(comparison, ["&&"]);
  const or: () => Node = binary(and, ["||"]);
  const node = or();
  if (pos !== tokens.length) throw new ExpressionError(`unexpected "${tokens[pos]}"`);
  return node;
}

function lookup(vars: Vars, root: string, keys: (string | number)[]): unknown {
  let cur: unknown = vars[root];
  for (const key of keys) {
    if (cur === null || typeof cur !== "object") return undefined;
    cur = (cur as Record<string | number, unknown>)[key];
  }
  return cur;
}

function equal(a: unknown, b: unknown): boolean {
  // Missing fields compare equal to null, never to each other's absence.
  const x = a === undefined ? null : a;
  const y = b === undefined ? null : b;
  if (typeof x === "object" || typeof y === "object") return JSON.stringify(x) === JSON.stringify(y);
  return x === y;
}

function evaluate(node: Node, vars: Vars): unknown {
  switch (node.kind) {
    case "lit":
      return node.value;
    case "path":
      return lookup(vars, node.root, node.keys);
    case "not":
      return !truthy(evaluate(node.arg, vars));
    case "bin": {
      if (node.op === "&&") return truthy(evaluate(node.left, vars)) && truthy(evaluate(node.right, vars));
      if (node.op === "||") return truthy(evaluate(node.left, vars)) || truthy(evaluate(node.right, vars));
      const l = evaluate(node.left, vars);
      const r = evaluate(node.right, vars);
      if (node.op === "==") return equal(l, r);
      if (node.op === "!=") return !equal(l, r);
      // Ordering only between two numbers or two strings; anything else is false.
      if (!((typeof l === "number" && typeof r === "number") || (typeof l === "string" && typeof r === "string"))) return false;
      return node.op === "<" ? l < r : node.op === "<=" ? l <= r : node.op === ">" ? l > r : l >= r;
    }
  }
}

function truthy(v: unknown): boolean {
  return v === true;
}

/** Compiles `source` or throws ExpressionError naming the problem. */
export function compileExpression(source: string, roots: readonly string[]): Compiled {
  const node = parse(source, roots);
  return {
    source,
    simple: node.kind === "path" || node.kind === "lit",
    evaluate: (vars) => evaluate(node, vars),
  };
}

/** Evaluates a condition; evaluation never throws, and only `true` passes. */
export function test(compiled: Compiled, vars: Vars): boolean {
  return truthy(compiled.evaluate(vars));
}
