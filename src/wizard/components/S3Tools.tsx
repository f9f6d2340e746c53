import type { TranslationBundle } from '@jupyterlab/translation';
import * as React from 'react';

import { browseS3 } from '../../s3/dialog';
import { S3HintChecker, S3HintState } from '../../s3/hint';
import { useWizard } from '../context';

export interface IS3ToolsOptions {
  /** The field's label ("Channel 1 S3 URI"): names the Browse button. */
  label: string;
  value: string;
  onChange: (value: string) => void;
}

export interface IS3Tools {
  /** Call when the field loses focus: checks, in the background, that the URI exists. */
  onBlur: () => void;
  /** The Browse button (opens the S3 browser; the pick replaces the value). */
  browse: JSX.Element;
  /** The non-blocking hint: found / not found / cannot check. */
  hint: JSX.Element;
}

/**
 * What every S3 URI field has besides its input: a **Browse** button over
 * the user's buckets, and, when the field loses focus, a hint saying whether
 * anything is at the URI. Typing a URI by hand stays possible.
 */
export function useS3Tools(options: IS3ToolsOptions): IS3Tools {
  const { trans, client } = useWizard();
  const { label, value, onChange } = options;
  const [state, setState] = React.useState<S3HintState>({ status: 'idle' });
  const checker = React.useRef<S3HintChecker | null>(null);
  if (checker.current === null) {
    checker.current = new S3HintChecker({
      exists: async (uri, signal) =>
        (await client.s3Exists(uri, { signal })).exists,
      onChange: setState
    });
  }
  React.useEffect(() => () => checker.current?.dispose(), []);
  React.useEffect(() => {
    checker.current?.changed(value);
  }, [value]);

  // Whether the URI is well formed is the server's to say (on the field).
  const check = React.useCallback(
    (uri: string) => checker.current?.check(uri, true),
    []
  );

  const onBrowse = async (): Promise<void> => {
    const picked = await browseS3({
      lister: client,
      fieldLabel: label,
      value,
      trans
    });
    if (picked !== null) {
      onChange(picked);
      check(picked);
    }
  };

  const browse = (
    <button
      type="button"
      className="sme-WizardButton sme-S3Browse"
      aria-label={trans.__('Browse S3 for %1', label)}
      title={trans.__('Browse S3 for %1', label)}
      onClick={() => void onBrowse()}
    >
      {trans.__('Browse')}
    </button>
  );

  return {
    onBlur: () => check(value),
    browse,
    hint: <S3Hint state={state} trans={trans} />
  };
}

/** What the hint says for a state ('' when it has nothing to say). */
export function s3HintText(
  state: S3HintState,
  trans: TranslationBundle
): string {
  switch (state.status) {
    case 'checking':
      return trans.__('Checking S3…');
    case 'found':
      return trans.__('Found in S3');
    case 'missing':
      return trans.__('Nothing at this S3 location yet');
    case 'failed':
      return trans.__('Could not check: %1', state.reason);
    default:
      return '';
  }
}

/** The hint: a live region, so it is announced without taking the focus. */
export function S3Hint(props: {
  state: S3HintState;
  trans: TranslationBundle;
}): JSX.Element {
  const { state, trans } = props;
  return (
    <p className={`sme-S3Hint sme-mod-${state.status}`} role="status">
      {s3HintText(state, trans)}
    </p>
  );
}
