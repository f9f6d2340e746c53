import * as React from 'react';

import { useWizard } from '../context';
import { keywordRules } from '../keywords';
import { TextField } from './Field';

export interface IKeywordsFieldProps {
  value: string;
  onChange: (value: string) => void;
}

/**
 * Keywords: a space typed becomes a comma at once (`churn xgboost` reads
 * `churn, xgboost`); on blur the list is normalised as the server stores it
 * (by the rules it serves in `GET /options`).
 */
export function KeywordsField(props: IKeywordsFieldProps): JSX.Element {
  const { trans, options } = useWizard();
  const rules = options.rules;
  const { spacesToCommas, format } = React.useMemo(
    () => keywordRules(rules),
    [rules]
  );
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
      hint={
        rules
          ? trans.__(
              'Separated by commas; a space also separates. Stored lowercase, at most %1.',
              rules.keywords.max_count
            )
          : trans.__(
              'Separated by commas; a space also separates. Stored lowercase.'
            )
      }
      value={props.value}
      inputRef={inputRef}
      placeholder={trans.__('churn, xgboost, tabular')}
      onChange={change}
      onBlur={() => props.onChange(format(props.value))}
    />
  );
}
