/**
 * A form's values as the fields read them: the value at a field path
 * (`"training.channels.0.uri"`), and a number as the user typed it.
 */

/** The value at `path` (`"training.channels.0.uri"`) of an object. */
export function valueAt(value: unknown, path: string): unknown {
  let current = value;
  for (const part of path.split('.')) {
    if (current === null || typeof current !== 'object') {
      return undefined;
    }
    current = (current as Record<string, unknown>)[part];
  }
  return current;
}

/**
 * A number as typed: a JSON number when it reads as one, else the text as
 * typed (the server then says what it expects).
 */
export function numberOrText(text: string): number | string {
  const trimmed = text.trim();
  const value = Number(trimmed);
  return trimmed !== '' && Number.isFinite(value) ? value : trimmed;
}
