// Compose variable interpolation: `$VAR`, `${VAR}`, `${VAR:-default}` and the other operators, `$$` escapes.

export type Interpolated = {
  value: string;
  /** Variables used without a default and not known: they became "". */
  unset: string[];
  /** `${VAR:?message}` whose variable is not known: Compose would stop; we use "" and say so. */
  required: { name: string; message: string }[];
};

// Defaults may themselves interpolate; a bound keeps `${A:-${A:-...}}` from exhausting the stack.
const MAX_NESTING = 8;
const NAME = /^[A-Za-z_][A-Za-z0-9_]*/;
const EXPRESSION = /^([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-?+])([\s\S]*))?$/;

export function interpolate(
  text: string,
  variables: Readonly<Record<string, string>>,
): Interpolated | { error: string } {
  const found: Interpolated = { value: "", unset: [], required: [] };
  const value = expandText(text, variables, found, 0);
  if (typeof value !== "string") return value;
  found.value = value;
  return found;
}

function expandText(
  text: string,
  variables: Readonly<Record<string, string>>,
  found: Interpolated,
  depth: number,
): string | { error: string } {
  if (depth > MAX_NESTING) return { error: "interpolation is nested too deeply" };
  let out = "";
  let i = 0;
  while (i < text.length) {
    const dollar = text.indexOf("$", i);
    if (dollar === -1) return out + text.slice(i);
    out += text.slice(i, dollar);
    const next = text[dollar + 1];
    if (next === "$") {
      out += "$";
      i = dollar + 2;
    } else if (next === "{") {
      const end = closingBrace(text, dollar + 2);
      if (end === -1) return { error: `"\${" is not closed in "${excerpt(text)}"` };
      const value = expandExpression(text.slice(dollar + 2, end), variables, found, depth);
      if (typeof value !== "string") return value;
      out += value;
      i = end + 1;
    } else {
      const name = NAME.exec(text.slice(dollar + 1))?.[0];
      // A lone "$" (as in "5$") is kept as written, like Compose does.
      if (name === undefined) out += "$";
      else out += lookup(name, variables, found);
      i = dollar + 1 + (name?.length ?? 0);
    }
  }
  return out;
}

function expandExpression(
  expression: string,
  variables: Readonly<Record<string, string>>,
  found: Interpolated,
  depth: number,
): string | { error: string } {
  const match = EXPRESSION.exec(expression);
  if (!match) return { error: `invalid interpolation "\${${excerpt(expression)}}"` };
  const [, name = "", operator, operand = ""] = match;
  const value = variables[name];
  const set = value !== undefined;
  const setAndNotEmpty = set && value !== "";
  const nested = () => expandText(operand, variables, found, depth + 1);
  switch (operator) {
    case undefined:
      return lookup(name, variables, found);
    case ":-":
      return setAndNotEmpty ? value : nested();
    case "-":
      return set ? value : nested();
    case ":+":
      return setAndNotEmpty ? nested() : "";
    case "+":
      return set ? nested() : "";
    default: {
      // ":?" and "?": a required variable.
      if (operator === ":?" ? setAndNotEmpty : set) return value ?? "";
      found.required.push({ name, message: operand });
      return "";
    }
  }
}

function lookup(name: string, variables: Readonly<Record<string, string>>, found: Interpolated): string {
  const value = variables[name];
  if (value !== undefined) return value;
  found.unset.push(name);
  return "";
}

function closingBrace(text: string, from: number): number {
  let depth = 1;
  for (let i = from; i < text.length; i++) {
    if (text[i] === "$" && text[i + 1] === "{") {
      depth++;
      i++;
    } else if (text[i] === "}" && --depth === 0) return i;
  }
  return -1;
}

function excerpt(text: string): string {
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}
