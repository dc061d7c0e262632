/**
 * Finds the API calls written in test sources, so a test can check that every route in the OpenAPI
 * document is called by some test (src/server/http/routes-tested.test.ts) without a list of routes
 * that someone must remember to extend.
 */

/** One operation of the OpenAPI document: a method and a path template such as `/api/v1/persons/{id}`. */
export type Operation = { method: string; template: string };

/** A call found in a source: its method and its URL as written (`${…}` for what the test fills in). */
export type ApiCall = { method: string; url: string };

const METHODS = 'GET|POST|PUT|PATCH|DELETE';
/** A quoted URL under /api/: in quotes, or in backticks with `${…}` in it (and perhaps a base URL before it). */
const URL_PATTERN =
  String.raw`(?:'(\/api\/[^'\n]*)'|"(\/api\/[^"\n]*)"|` +
  String.raw`\`(?:\$\{[^}\n]*\})?(\/api\/(?:[^\`$\n]|\$\{[^}\n]*\}|\$(?!\{))*)\`)`;

/** The forms of a call, around `target`: a written URL, or the name of a variable or function holding one. */
function callForms(target: string): { pattern: RegExp; method: (m: RegExpExecArray) => string }[] {
  return [
    // request('POST', `/api/v1/persons/${id}`), send('PATCH', url), anonymous('GET', '…')
    { pattern: new RegExp(String.raw`['"](${METHODS})['"]\s*,\s*${target}`, 'g'), method: (m) => m[1]! },
    // app.inject({ method: 'POST', url: '…' })
    {
      pattern: new RegExp(String.raw`method:\s*['"](${METHODS})['"]\s*,\s*url:\s*${target}`, 'g'),
      method: (m) => m[1]!,
    },
    // Playwright's request contexts and the harness's helpers: api.get('…'), request.post(`…`)
    {
      pattern: new RegExp(String.raw`\.(get|post|put|patch|delete)\(\s*${target}`, 'g'),
      method: (m) => m[1]!.toUpperCase(),
    },
    // The harness's upload(url, file) posts a file.
    { pattern: new RegExp(String.raw`\.upload\(\s*${target}`, 'g'), method: () => 'POST' },
  ];
}

/** The URL in a match of URL_PATTERN's three alternatives, which are the match's last three groups. */
const urlOf = (m: RegExpExecArray) => m[m.length - 3] ?? m[m.length - 2] ?? m[m.length - 1];

/**
 * The API calls written out in `source`, in the forms the route tests and browser specs use: with the
 * URL in the call, or in a variable or function defined before it (`const url = () => '/api/…'`), up to
 * the next definition of that name.
 */
export function apiCallsIn(source: string): ApiCall[] {
  const calls: ApiCall[] = [];
  for (const form of callForms(URL_PATTERN)) {
    for (const m of source.matchAll(form.pattern)) {
      const url = urlOf(m);
      if (url) calls.push({ method: form.method(m), url });
    }
  }
  const definitions = [
    ...source.matchAll(new RegExp(String.raw`(?:const|let)\s+(\w+)\s*=\s*(?:\([^)]*\)\s*=>\s*)?${URL_PATTERN}`, 'g')),
  ];
  for (const [i, definition] of definitions.entries()) {
    const [, name] = definition;
    const url = urlOf(definition);
    if (!name || !url) continue;
    const next = definitions.slice(i + 1).find((d) => d[1] === name);
    const scope = source.slice(definition.index + definition[0].length, next?.index);
    for (const form of callForms(String.raw`${name}\b`)) {
      for (const m of scope.matchAll(form.pattern)) calls.push({ method: form.method(m), url });
    }
  }
  return calls;
}

const FILLED_IN = '\u0000';

/** The segments of a URL's path, with each `${…}` the test fills in as one placeholder. */
function segmentsOf(url: string): string[] {
  const withoutExpressions = url.replace(/\$\{[^}]*\}/g, FILLED_IN);
  return withoutExpressions.split(/[?#]/)[0]!.split('/');
}

/**
 * The path template of `templates` that the router would send `url` to, or undefined: a segment the
 * test fills in matches only a parameter, and a written segment matches a fixed one before a parameter.
 */
export function operationOf(templates: string[], url: string): string | undefined {
  const segments = segmentsOf(url);
  let best: { template: string; fixed: number } | undefined;
  for (const template of templates) {
    const parts = template.split('/');
    if (parts.length !== segments.length) continue;
    let fixed = 0;
    const matches = parts.every((part, i) => {
      const segment = segments[i]!;
      if (/^\{[^}]+\}$/.test(part)) return segment !== '';
      if (segment.includes(FILLED_IN)) return false;
      if (part === segment) fixed++;
      return part === segment;
    });
    if (matches && (!best || fixed > best.fixed)) best = { template, fixed };
  }
  return best?.template;
}
