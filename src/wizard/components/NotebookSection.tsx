import * as React from 'react';

import { useWizard } from '../context';
import { S3UriField } from './S3UriField';
import { Section } from './Section';

export interface INotebookSectionProps {
  uri: string;
  onChange: (uri: string) => void;
}

/** Where the shared notebook lives. */
export function NotebookSection(props: INotebookSectionProps): JSX.Element {
  const { trans } = useWizard();
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
        value={props.uri}
        onChange={props.onChange}
      />
    </Section>
  );
}
