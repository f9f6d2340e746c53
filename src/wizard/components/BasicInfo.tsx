import * as React from 'react';

import type { DataType } from '../../api/types';
import { useWizard } from '../context';
import type { IEntryForm } from '../form';
import { SelectField, TextField } from './Field';
import { KeywordsField } from './KeywordsField';
import { Section } from './Section';

export interface IBasicInfoProps {
  form: IEntryForm;
  editing: boolean;
  onChange: (patch: Partial<IEntryForm>) => void;
  onTitleChange: (title: string) => void;
  onIdChange: (id: string) => void;
  /** Said under the ID while the server's suggestion is awaited. */
  idStatus?: string;
  titleRef?: React.Ref<HTMLInputElement>;
}

/** Title, ID, description, data type, ML task, framework, keywords. */
export function BasicInfo(props: IBasicInfoProps): JSX.Element {
  const { trans, options } = useWizard();
  const { form, editing, onChange } = props;
  const tasks = form.data_type ? (options.tasks[form.data_type] ?? []) : [];

  const setDataType = (value: string): void => {
    const dataType = value as DataType | '';
    const fits = (dataType ? (options.tasks[dataType] ?? []) : []).some(
      task => task.id === form.task
    );
    onChange({ data_type: dataType, task: fits ? form.task : '' });
  };

  return (
    <Section
      name="basic"
      title={trans.__('Basic information')}
      description={trans.__(
        'Used for search: choose words colleagues will look for.'
      )}
    >
      <TextField
        path="title"
        label={trans.__('Title')}
        required
        inputRef={props.titleRef}
        value={form.title}
        onChange={props.onTitleChange}
      />
      <TextField
        path="id"
        label={trans.__('ID')}
        hint={
          editing
            ? trans.__('The ID cannot change once the entry is saved.')
            : (props.idStatus ??
              trans.__(
                'Filled from the title; you may change it until you save. Lowercase letters, digits and hyphens.'
              ))
        }
        readOnly={editing}
        spellCheck={false}
        className="sme-mod-code"
        value={form.id}
        onChange={props.onIdChange}
      />
      <TextField
        path="description"
        label={trans.__('Description')}
        multiline
        value={form.description}
        onChange={description => onChange({ description })}
      />
      <div className="sme-Row">
        <SelectField
          path="data_type"
          label={trans.__('Data type')}
          required
          value={form.data_type}
          placeholder={trans.__('Choose a data type')}
          choices={options.data_types}
          onChange={setDataType}
        />
        <SelectField
          path="task"
          label={trans.__('ML task')}
          required
          value={tasks.some(task => task.id === form.task) ? form.task : ''}
          placeholder={
            form.data_type
              ? trans.__('Choose an ML task')
              : trans.__('Choose a data type first')
          }
          choices={tasks}
          disabled={!form.data_type}
          onChange={task => onChange({ task })}
        />
        <SelectField
          path="framework"
          label={trans.__('Framework')}
          required
          value={form.framework}
          placeholder={trans.__('Choose a framework')}
          choices={options.frameworks}
          onChange={framework => onChange({ framework })}
        />
      </div>
      <KeywordsField
        value={form.keywords}
        onChange={keywords => onChange({ keywords })}
      />
    </Section>
  );
}
