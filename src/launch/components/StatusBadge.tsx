import type { TranslationBundle } from '@jupyterlab/translation';
import * as React from 'react';

import { statusLabel, statusTone } from '../status';

/** A SageMaker status as a coloured badge (its words, not only its colour). */
export function StatusBadge(props: {
  status: string;
  trans: TranslationBundle;
}): JSX.Element {
  const { status, trans } = props;
  return (
    <span className={`sme-StatusBadge sme-mod-${statusTone(status)}`}>
      {statusLabel(status, trans)}
    </span>
  );
}
