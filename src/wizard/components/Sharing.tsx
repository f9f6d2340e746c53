import * as React from 'react';

import { useWizard } from '../context';
import { canvasAllowed, IEntryForm, splitUsers } from '../form';
import { CheckboxField, TextField } from './Field';
import { Section } from './Section';

export interface ISharingProps {
  form: IEntryForm;
  onChange: (share: IEntryForm['share']) => void;
}

/** Organization-wide, named users, and Canvas users (tabular models only). */
export function Sharing(props: ISharingProps): JSX.Element {
  const { trans, options } = useWizard();
  const { form, onChange } = props;
  const share = form.share;
  const canvas = canvasAllowed(form);
  const tidy = (text: string): string => splitUsers(text).join(', ');
  return (
    <Section
      name="sharing"
      title={trans.__('Sharing')}
      description={trans.__(
        'You always see what you share, under Shared by me.'
      )}
    >
      <CheckboxField
        path="share.organization"
        label={trans.__('Share with everyone in my organization')}
        checked={share.organization}
        onChange={organization => onChange({ ...share, organization })}
      />
      <TextField
        path="share.users"
        label={trans.__('Named users')}
        hint={trans.__('User names, separated by commas or spaces.')}
        spellCheck={false}
        value={share.users}
        onChange={users => onChange({ ...share, users })}
        onBlur={() => onChange({ ...share, users: tidy(share.users) })}
      />
      <TextField
        path="share.canvas_users"
        label={trans.__('Canvas users')}
        hint={
          canvas
            ? trans.__(
                'SageMaker Canvas user names, separated by commas or spaces; at most %1.',
                options.rules.share.max_canvas_users
              )
            : trans.__(
                'Only tabular models can be shared with SageMaker Canvas users: choose the tabular data type to enable this.'
              )
        }
        disabled={!canvas}
        spellCheck={false}
        value={share.canvas_users}
        onChange={canvasUsers =>
          onChange({ ...share, canvas_users: canvasUsers })
        }
        onBlur={() =>
          onChange({ ...share, canvas_users: tidy(share.canvas_users) })
        }
      />
    </Section>
  );
}
