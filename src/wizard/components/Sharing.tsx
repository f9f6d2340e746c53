import * as React from 'react';

import type { IOptions } from '../../api/types';
import { useWizard } from '../context';
import { canvasAllowed, IEntryForm, splitUsers } from '../form';
import { CheckboxField, TextField } from './Field';
import { Section } from './Section';

export interface ISharingProps {
  form: IEntryForm;
  onChange: (share: IEntryForm['share']) => void;
}

/**
 * Organization-wide, named users, and Canvas users (where the served rule,
 * `rules.share.canvas`, allows them: tabular models).
 */
export function Sharing(props: ISharingProps): JSX.Element {
  const { trans, options } = useWizard();
  const { form, onChange } = props;
  const share = form.share;
  const canvas = canvasAllowed(form, options.rules);
  const canvasTypes = options.rules.share.canvas.data_types
    .map(id => dataTypeLabel(options, id))
    .join(', ');
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
                'Only models of data type %1 can be shared with SageMaker Canvas users: choose it to enable this.',
                canvasTypes
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

/** The label of a data type id (the id when it has none). */
function dataTypeLabel(options: IOptions, id: string): string {
  return options.data_types.find(choice => choice.id === id)?.label ?? id;
}
