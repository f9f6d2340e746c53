/** Small formatting helpers of the launch views. */

/** `3725` → `1:02:05`; `59` → `0:59`. */
export function formatDuration(seconds: number): string {
  const total = Math.max(0, Math.round(seconds));
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const rest = total % 60;
  const ss = String(rest).padStart(2, '0');
  if (hours > 0) {
    return `${hours}:${String(minutes).padStart(2, '0')}:${ss}`;
  }
  return `${minutes}:${ss}`;
}

/** `1536` → `1.5 KB` … (decimal units, as the AWS consoles show sizes). */
export function formatBytes(bytes: number, locale?: string): string {
  const units = ['B', 'KB', 'MB', 'GB', 'TB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit++;
  }
  const number = new Intl.NumberFormat(locale, {
    maximumFractionDigits: unit === 0 ? 0 : 1
  }).format(value);
  return `${number} ${units[unit]}`;
}

/**
 * The CloudWatch console page of a training job's log streams (`prefix`
 * selects the job's streams), in the job's region.
 */
export function cloudWatchUrl(
  region: string,
  logGroup: string,
  streamPrefix: string
): string | null {
  if (!/^[a-z]{2}(-[a-z]+)+-\d{1,2}$/.test(region)) {
    return null;
  }
  const host = region.startsWith('cn-')
    ? 'console.amazonaws.cn'
    : `${region}.console.aws.amazon.com`;
  const fragment = `logStream:group=${encodeURIComponent(
    logGroup
  )};prefix=${encodeURIComponent(streamPrefix)};streamFilter=typeLogStreamPrefix`;
  return `https://${host}/cloudwatch/home?region=${region}#${fragment}`;
}

/** The AWS region of an ARN (`arn:aws:sagemaker:us-east-1:…`); '' when none. */
export function regionOfArn(arn: string): string {
  return arn.split(':')[3] ?? '';
}
