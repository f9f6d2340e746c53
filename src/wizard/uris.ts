/**
 * Client-side checks of S3 and ECR image URIs, mirroring the server's
 * (`shared_models_ext/schemas/uris.py`). Each returns the problem in plain
 * words, or null when the value is well formed.
 */
import type { TranslationBundle } from '@jupyterlab/translation';

const S3_SCHEME = 's3://';
const MAX_S3_KEY_BYTES = 1024;
const MAX_IMAGE_URI_LENGTH = 255;

const BUCKET = /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/;
const IP_ADDRESS = /^\d{1,3}(\.\d{1,3}){3}$/;
const ECR_HOST =
  /^(\d{12})\.dkr\.ecr\.([a-z]{2}(?:-[a-z]+)+-\d)\.amazonaws\.com(\.cn)?$/;
const ECR_REPOSITORY =
  /^(?:[a-z0-9]+(?:[._-][a-z0-9]+)*\/)*[a-z0-9]+(?:[._-][a-z0-9]+)*$/;
const ECR_TAG = /^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$/;
const SHA256_DIGEST = /^sha256:[0-9a-f]{64}$/;
const CONTROL = /\p{Cc}/u;

export const S3_EXAMPLE = 's3://my-bucket/path/to/data/';
export const ECR_EXAMPLE =
  '123456789012.dkr.ecr.us-east-1.amazonaws.com/my-repository:latest';

/** True when `value` holds a control character (tab, line break, …). */
export function hasControlChars(value: string): boolean {
  return CONTROL.test(value);
}

/** `s3://bucket/key` → `["bucket", "key"]` (no checks). */
export function splitS3Uri(value: string): [string, string] {
  const rest = value.trim().slice(S3_SCHEME.length);
  const slash = rest.indexOf('/');
  return slash < 0 ? [rest, ''] : [rest.slice(0, slash), rest.slice(slash + 1)];
}

/** What is wrong with an S3 URI (`s3://bucket[/key]`), or null. */
export function s3UriProblem(
  value: string,
  trans: TranslationBundle
): string | null {
  const uri = value.trim();
  if (!uri.startsWith(S3_SCHEME)) {
    return trans.__(
      'Must be an S3 URI starting with s3:// (for example %1).',
      S3_EXAMPLE
    );
  }
  const [bucket, key] = splitS3Uri(uri);
  const bucketProblem = bucketNameProblem(bucket, trans);
  if (bucketProblem) {
    return bucketProblem;
  }
  if (hasControlChars(key)) {
    return trans.__('The S3 key must not contain control characters.');
  }
  if (new TextEncoder().encode(key).length > MAX_S3_KEY_BYTES) {
    return trans.__(
      'The S3 key must be at most %1 bytes long.',
      MAX_S3_KEY_BYTES
    );
  }
  if (key.split('/').includes('..')) {
    return trans.__("The S3 key must not contain a '..' path segment.");
  }
  return null;
}

function bucketNameProblem(
  bucket: string,
  trans: TranslationBundle
): string | null {
  if (!bucket) {
    return trans.__(
      'The S3 URI needs a bucket name after s3:// (for example %1).',
      S3_EXAMPLE
    );
  }
  if (bucket.length < 3 || bucket.length > 63) {
    return trans.__(
      "The bucket name '%1' must be 3 to 63 characters long.",
      bucket
    );
  }
  if (!BUCKET.test(bucket)) {
    return trans.__(
      "The bucket name '%1' may only hold lowercase letters, digits, dots and hyphens, and must start and end with a letter or digit.",
      bucket
    );
  }
  if (bucket.includes('..')) {
    return trans.__(
      "The bucket name '%1' must not contain two dots in a row.",
      bucket
    );
  }
  if (IP_ADDRESS.test(bucket)) {
    return trans.__(
      "The bucket name '%1' must not look like an IP address.",
      bucket
    );
  }
  return null;
}

/** What is wrong with an ECR image URI, or null. */
export function ecrImageProblem(
  value: string,
  trans: TranslationBundle
): string | null {
  const uri = value.trim();
  if (uri.includes('://')) {
    return trans.__(
      'An ECR image URI has no scheme (for example %1).',
      ECR_EXAMPLE
    );
  }
  if (uri.length > MAX_IMAGE_URI_LENGTH) {
    return trans.__(
      'An image URI must be at most %1 characters long.',
      MAX_IMAGE_URI_LENGTH
    );
  }
  const slash = uri.indexOf('/');
  const host = slash < 0 ? uri : uri.slice(0, slash);
  const hostMatch = ECR_HOST.exec(host);
  if (!hostMatch || slash < 0) {
    return trans.__(
      'Must be an ECR image URI like ACCOUNT.dkr.ecr.REGION.amazonaws.com/repository:tag (for example %1).',
      ECR_EXAMPLE
    );
  }
  const region = hostMatch[2];
  const china = region.startsWith('cn-');
  if (china !== Boolean(hostMatch[3])) {
    return trans.__(
      'Images in region %1 are served from %2.',
      region,
      china ? 'amazonaws.com.cn' : 'amazonaws.com'
    );
  }
  const [repository, tag, digest] = splitReference(uri.slice(slash + 1));
  if (
    repository.length < 2 ||
    repository.length > 256 ||
    !ECR_REPOSITORY.test(repository)
  ) {
    return trans.__(
      "The repository name '%1' is not valid: use 2 to 256 lowercase letters, digits and single '.', '_' or '-' separators, in '/'-separated parts.",
      repository
    );
  }
  if (tag !== null && !ECR_TAG.test(tag)) {
    return trans.__(
      "The image tag '%1' is not valid: use at most 128 letters, digits, '_', '.' or '-', not starting with '.' or '-'.",
      tag
    );
  }
  if (digest !== null && !SHA256_DIGEST.test(digest)) {
    return trans.__(
      "An image digest must be 'sha256:' followed by 64 lowercase hex digits."
    );
  }
  return null;
}

/** `repo:tag` / `repo@digest` / `repo` → [repository, tag, digest]. */
function splitReference(
  reference: string
): [string, string | null, string | null] {
  const at = reference.indexOf('@');
  if (at >= 0) {
    return [reference.slice(0, at), null, reference.slice(at + 1)];
  }
  const colon = reference.indexOf(':', reference.lastIndexOf('/') + 1);
  if (colon >= 0) {
    return [reference.slice(0, colon), reference.slice(colon + 1), null];
  }
  return [reference, null, null];
}
