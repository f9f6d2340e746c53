/**
 * SageMaker names: 1–63 letters, digits and hyphens, starting and
 * ending with a letter or digit. The defaults mirror the server's
 * (`shared_models_ext/training/rules.py`): `<entry id>-<UTC timestamp>`.
 */

export const MAX_NAME_LENGTH = 63;

const NAME = /^[a-zA-Z0-9](-*[a-zA-Z0-9]){0,62}$/;
const ROLE_ARN =
  /^arn:aws[a-z-]*:iam::\d{12}:role\/[A-Za-z0-9_+=,.@/-]{1,1024}$/;

export function isValidName(name: string): boolean {
  return name.length <= MAX_NAME_LENGTH && NAME.test(name);
}

export function isValidRoleArn(arn: string): boolean {
  return ROLE_ARN.test(arn);
}

function pad(value: number, width = 2): string {
  return String(value).padStart(width, '0');
}

/** `20261121-100000-123`: UTC, to the millisecond. */
export function timestamp(now: Date): string {
  const date = `${now.getUTCFullYear()}${pad(now.getUTCMonth() + 1)}${pad(
    now.getUTCDate()
  )}`;
  const time = `${pad(now.getUTCHours())}${pad(now.getUTCMinutes())}${pad(
    now.getUTCSeconds()
  )}`;
  return `${date}-${time}-${pad(now.getUTCMilliseconds(), 3)}`;
}

/** `<entry id>-<timestamp>`, the ID shortened so the whole is at most 63 long. */
export function defaultName(entryId: string, now: Date = new Date()): string {
  const stamp = timestamp(now);
  const stem = entryId
    .slice(0, MAX_NAME_LENGTH - stamp.length - 1)
    .replace(/-+$/, '');
  return stem ? `${stem}-${stamp}` : stamp;
}

/** The AWS region of an ARN (`arn:aws:sagemaker:us-east-1:…`); '' when none. */
export function regionOfArn(arn: string): string {
  return arn.split(':')[3] ?? '';
}
