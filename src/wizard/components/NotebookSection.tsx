import * as React from 'react';

import { useWizard } from '../context';
import type { INotebookForm } from '../form';
import { TextField } from './Field';
import { S3UriField } from './S3UriField';
import { Section } from './Section';

export interface INotebookSectionProps {
  value: INotebookForm;
  onChange: (uri: string) => void;
}

/**
 * Where the shared notebook lives: its S3 URI (Add notebook), or, when an
 * open notebook is shared, the workspace file and where in S3 it goes.
 */
export function NotebookSection(props: INotebookSectionProps): JSX.Element {
  const { trans } = useWizard();
  const { value, onChange } = props;
  if (value.path !== undefined) {
    return (
      <Section
        name="notebook"
        title={trans.__('Notebook')}
        description={trans.__(
          'The notebook is checked (it must be a valid notebook), uploaded to S3, then listed for your team.'
        )}
      >
        <TextField
          path="notebook.path"
          label={trans.__('Notebook file')}
          hint={trans.__('The saved file in your workspace.')}
          readOnly
          spellCheck={false}
          className="sme-mod-code"
          value={value.path}
          onChange={() => undefined}
        />
        <S3UriField
          path="notebook.s3_uri"
          label={trans.__('S3 destination')}
          hint={trans.__(
            'A folder (s3://bucket/notebooks/) to upload it into as <ID>.ipynb, or the full .ipynb object. Leave empty to use the location your administrator configured.'
          )}
          placeholder={trans.__('s3://bucket/notebooks/')}
          value={value.s3_uri}
          onChange={onChange}
        />
      </Section>
    );
  }
  return (
    <Section name="notebook" title={trans.__('Notebook')}>
      <S3UriField
        path="notebook.s3_uri"
        label={trans.__('Notebook S3 URI')}
        hint={trans.__(
          'The .ipynb file colleagues open, e.g. s3://bucket/notebooks/churn.ipynb.'
        )}
        placeholder={trans.__('s3://bucket/notebooks/analysis.ipynb')}
        required
        value={value.s3_uri}
        onChange={onChange}
      />
    </Section>
  );
}
