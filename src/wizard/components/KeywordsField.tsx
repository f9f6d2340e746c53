import * as React from 'react';

import { useWizard } from '../context';
import { formatKeywords, spacesToCommas } from '../keywords';
import { TextField } from './Field';

export interface IKeywordsFieldProps {
  value: string;
  onChange: (value: string) => void;
}

/**
 * Keywords: a space typed becomes a comma at once (`churn xgboost` reads
 * `churn, xgboost`); on blur the list is normalised as the server stores it.
 */
export function KeywordsField(props: IKeywordsFieldProps): JSX.Element {
  const { trans } = useWizard();
  const inputRef = React.useRef<HTMLInputElement>(null);
  const caret = React.useRef<number | null>(null);

  React.useLayoutEffect(() => {
    const input = inputRef.current;
    if (input && caret.current !== null && document.activeElement === input) {
      input.setSelectionRange(caret.current, caret.current);
    }
    caret.current = null;
  }, [props.value]);

  const change = (text: string): void => {
    const input = inputRef.current;
    const position = input?.selectionStart ?? text.length;
    // Where the caret lands: after the converted text before it.
    caret.current = spacesToCommas(text.slice(0, position)).length;
    props.onChange(spacesToCommas(text));
  };
  return (
    <TextField
      path="keywords"
      label={trans.__('Keywords')}
      hint={trans.__(
        'Separated by commas; a space also separates. Stored lowercase, at most 50.'
      )}
      value={props.value}
      inputRef={inputRef}
      placeholder={trans.__('churn, xgboost, tabular')}
      onChange={change}
      onBlur={() => props.onChange(formatKeywords(props.value))}
    />
  );
}
