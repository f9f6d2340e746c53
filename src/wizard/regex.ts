/**
 * "Test regex" for metric definitions: run a metric's regular expression on
 * a sample log line, as SageMaker will on the training log.
 *
 * The server checks the regex with Python's `re`; the browser runs it with
 * JavaScript's, after turning Python-only group syntax (`(?P<name>…)`,
 * `(?P=name)`) into JavaScript's.
 */

/** What testing a regex on a sample line gave. */
export type RegexTest =
  | { status: 'invalid'; message: string }
  | { status: 'groups'; count: number }
  | { status: 'no-match' }
  | { status: 'match'; value: string };

/** A regex in Python syntax as a JavaScript `RegExp`; throws if it does not compile. */
export function compilePythonRegex(regex: string): RegExp {
  const source = regex
    .replace(/\(\?P<([A-Za-z_][A-Za-z0-9_]*)>/g, '(?<$1>')
    .replace(/\(\?P=([A-Za-z_][A-Za-z0-9_]*)\)/g, '\\k<$1>');
  return new RegExp(source);
}

/** How many capture groups a compiled regex has. */
export function captureGroups(regex: RegExp): number {
  // An empty alternative always matches, and reports every group (unset).
  const match = new RegExp(`(?:${regex.source})|`).exec('');
  return match ? match.length - 1 : 0;
}

/** Run `regex` on `sample`: the captured value, or why there is none. */
export function testRegex(regex: string, sample: string): RegexTest {
  let compiled: RegExp;
  try {
    compiled = compilePythonRegex(regex);
  } catch (error) {
    return { status: 'invalid', message: (error as Error).message };
  }
  const count = captureGroups(compiled);
  if (count !== 1) {
    return { status: 'groups', count };
  }
  const match = compiled.exec(sample);
  if (!match) {
    return { status: 'no-match' };
  }
  return { status: 'match', value: match[1] ?? '' };
}

/**
 * The capture-group count of `regex`, or null when the browser cannot
 * compile it (the server, with Python's `re`, decides then).
 */
export function groupCount(regex: string): number | null {
  try {
    return captureGroups(compilePythonRegex(regex));
  } catch {
    return null;
  }
}
