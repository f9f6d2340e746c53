import * as React from 'react';

import { absoluteTime, relativeTime } from './time';

export interface IRelativeTimeProps {
  /** An ISO-8601 timestamp from the API. */
  value: string;
  /** A BCP 47 locale; the browser's when absent. */
  locale?: string;
  /** Wraps the relative time, e.g. `t => trans.__('Updated %1', t)`. */
  format?: (relative: string) => string;
}

/** "3 days ago", with the absolute date and time as its tooltip. */
export function RelativeTime(props: IRelativeTimeProps): JSX.Element {
  const { value, locale, format } = props;
  const relative = relativeTime(value, new Date(), locale);
  const absolute = absoluteTime(value, locale);
  return (
    <time className="sme-RelativeTime" dateTime={value} title={absolute}>
      {format ? format(relative) : relative}
    </time>
  );
}
