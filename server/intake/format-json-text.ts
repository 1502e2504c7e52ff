/**
 * Pretty-prints JSON text without parsing it into JS values, so every literal is shown exactly
 * as received: 64-bit ids (820982911946154508), "19.990" and escapes stay as the channel sent
 * them. (JSON.parse + stringify would round the ids.) Text that is not JSON is returned as is.
 * Pure: used by the admin page in the browser.
 */
export function formatJsonText(text: string, indent = "  "): string {
  let out = "";
  let depth = 0;
  let i = 0;
  const newline = () => `\n${indent.repeat(depth)}`;
  while (i < text.length) {
    const ch = text[i]!;
    if (ch === '"') {
      const end = stringEnd(text, i);
      if (end < 0) return text;
      out += text.slice(i, end + 1);
      i = end + 1;
      continue;
    }
    if (ch === " " || ch === "\n" || ch === "\r" || ch === "\t") {
      i++;
      continue;
    }
    if (ch === "{" || ch === "[") {
      const close = ch === "{" ? "}" : "]";
      const next = nextSignificant(text, i + 1);
      if (text[next] === close) {
        out += ch + close;
        i = next + 1;
        continue;
      }
      depth++;
      out += ch + newline();
    } else if (ch === "}" || ch === "]") {
      depth = Math.max(0, depth - 1);
      out += newline() + ch;
    } else if (ch === ",") {
      out += "," + newline();
    } else if (ch === ":") {
      out += ": ";
    } else {
      out += ch;
    }
    i++;
  }
  return depth === 0 ? out : text;
}

/** Index of the quote closing the string that opens at `start`, or -1. */
function stringEnd(text: string, start: number): number {
  for (let i = start + 1; i < text.length; i++) {
    if (text[i] === "\\") i++;
    else if (text[i] === '"') return i;
  }
  return -1;
}

function nextSignificant(text: string, from: number): number {
  let i = from;
  while (i < text.length && /\s/.test(text[i]!)) i++;
  return i;
}
