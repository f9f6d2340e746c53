import * as React from 'react';

import { CheckboxField } from './Field';
import { Section } from './Section';

export interface ISwitchableSectionProps {
  /** Makes the heading's id (see `Section`). */
  name: string;
  /** The form part the switch belongs to: its path is `<formPart>.enabled`. */
  formPart: 'training' | 'inference';
  title: string;
  description: React.ReactNode;
  /** The switch's label (Enable training…). */
  switchLabel: string;
  enabled: boolean;
  onEnabledChange: (enabled: boolean) => void;
  /** The fields, shown only while the switch is on. */
  children: React.ReactNode;
}

/** A section turned on and off by a switch: its fields show only when on. */
export function SwitchableSection(props: ISwitchableSectionProps): JSX.Element {
  return (
    <Section
      name={props.name}
      title={props.title}
      description={props.description}
    >
      <CheckboxField
        path={`${props.formPart}.enabled`}
        role="switch"
        label={props.switchLabel}
        checked={props.enabled}
        onChange={props.onEnabledChange}
      />
      {props.enabled ? (
        <div className="sme-Section-body">{props.children}</div>
      ) : null}
    </Section>
  );
}
