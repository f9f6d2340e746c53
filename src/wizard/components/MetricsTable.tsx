import * as React from 'react';

import { useWizard } from '../context';
import type { IMetricRow } from '../form';
import { CellInput, patchRow, removeRow, RowsTable } from './Table';

/** What running a metric's regex on the sample log line gave. */
type RegexTest =
  | { status: 'invalid'; message: string }
  | { status: 'no-match' }
  | { status: 'match'; value: string };

/**
 * A preview: run `regex` on `sample` in the browser, as SageMaker will on
 * the training log (Python's named groups read as JavaScript's). Whether the
 * regex is acceptable — it compiles in Python, it has one capture group — is
 * the server's to say, on the field.
 */
function testRegex(regex: string, sample: string): RegexTest {
  let compiled: RegExp;
  try {
    compiled = new RegExp(
      regex
        .replace(/\(\?P<(\w+)>/g, '(?<$1>')
        .replace(/\(\?P=(\w+)\)/g, '\\k<$1>')
    );
  } catch (error) {
    return { status: 'invalid', message: (error as Error).message };
  }
  const match = compiled.exec(sample);
  if (!match) {
    return { status: 'no-match' };
  }
  return { status: 'match', value: match[1] ?? match[0] };
}

// Technical examples (identifiers, regexes): not translated.
const EXAMPLE_NAME = 'loss';
const EXAMPLE_REGEX = 'Loss =(.*?);';

const PATH = 'training.metrics';
const SAMPLE_PLACEHOLDER = 'Epoch 3: Loss = 0.251; Accuracy = 0.914;';

export interface IMetricsTableProps {
  rows: IMetricRow[];
  onChange: (rows: IMetricRow[]) => void;
  sample: string;
  onSampleChange: (sample: string) => void;
}

/**
 * Metric definitions: name + a regex whose one group captures the value
 * from the training log; "Test regex" runs it on a sample log line.
 */
export function MetricsTable(props: IMetricsTableProps): JSX.Element {
  const { trans, idPrefix } = useWizard();
  const { rows, onChange } = props;
  // Test results by row; a changed regex or sample line makes them stale.
  const [results, setResults] = React.useState<Map<number, RegexTest>>(
    new Map()
  );
  React.useEffect(() => setResults(new Map()), [props.sample, rows.length]);
  const sampleId = `${idPrefix}-metrics-sample`;

  const update = (index: number, patch: Partial<IMetricRow>): void => {
    onChange(patchRow(rows, index, patch));
    if (patch.regex !== undefined) {
      setResults(current => {
        const next = new Map(current);
        next.delete(index);
        return next;
      });
    }
  };
  const test = (index: number): void => {
    const result = props.sample
      ? testRegex(rows[index].regex, props.sample)
      : null;
    setResults(current => {
      const next = new Map(current);
      next.set(
        index,
        result ?? {
          status: 'invalid',
          message: trans.__('Enter a sample log line first.')
        }
      );
      return next;
    });
  };
  const describe = (result: RegexTest): string => {
    switch (result.status) {
      case 'match':
        // Quoted, so spaces around the value show.
        return trans.__('Captured value: “%1”', result.value);
      case 'no-match':
        return trans.__('No match in the sample log line.');
      default:
        return trans.__('Invalid regular expression: %1', result.message);
    }
  };

  return (
    <RowsTable
      path={PATH}
      caption={trans.__('Metrics')}
      hint={trans.__(
        'Each regular expression has exactly one capture group, the value: e.g. loss with "Loss =(.*?);". At most 40.'
      )}
      headers={[trans.__('Name'), trans.__('Regular expression')]}
      rows={rows}
      emptyText={trans.__('No metrics.')}
      renderRow={(row, index) => {
        const result = results.get(index);
        return [
          <CellInput
            key="name"
            path={`${PATH}.${index}.name`}
            label={trans.__('Metric %1 name', index + 1)}
            value={row.name}
            placeholder={EXAMPLE_NAME}
            spellCheck={false}
            onChange={name => update(index, { name })}
          />,
          <div key="regex" className="sme-MetricRegex">
            <div className="sme-MetricRegex-row">
              <CellInput
                path={`${PATH}.${index}.regex`}
                label={trans.__('Metric %1 regular expression', index + 1)}
                value={row.regex}
                placeholder={EXAMPLE_REGEX}
                spellCheck={false}
                className="sme-mod-wide sme-mod-code"
                onChange={regex => update(index, { regex })}
              />
              <button
                type="button"
                className="sme-WizardButton"
                aria-label={trans.__('Test regex of metric %1', index + 1)}
                onClick={() => test(index)}
              >
                {trans.__('Test regex')}
              </button>
            </div>
            <p
              className={`sme-MetricRegex-result ${
                result && result.status !== 'match' ? 'sme-mod-error' : ''
              }`}
              role="status"
            >
              {result ? describe(result) : ''}
            </p>
          </div>
        ];
      }}
      addLabel={trans.__('Add metric')}
      onAdd={() => onChange([...rows, { name: '', regex: '' }])}
      removeLabel={index => trans.__('Remove metric %1', index + 1)}
      onRemove={index => onChange(removeRow(rows, index))}
    >
      <div className="sme-Field sme-MetricSample">
        <label className="sme-Field-label" htmlFor={sampleId}>
          {trans.__('Sample log line')}
        </label>
        <input
          id={sampleId}
          type="text"
          className="sme-Input sme-mod-code"
          value={props.sample}
          placeholder={SAMPLE_PLACEHOLDER}
          spellCheck={false}
          autoComplete="off"
          onChange={event => props.onSampleChange(event.target.value)}
          onKeyDown={event => {
            // Enter here is no request to save the entry.
            if (event.key === 'Enter') {
              event.preventDefault();
            }
          }}
        />
      </div>
    </RowsTable>
  );
}
