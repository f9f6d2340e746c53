import * as React from 'react';

import { useWizard } from '../context';

export interface ISectionProps {
  /** Makes the heading's id. */
  name: string;
  title: string;
  description?: React.ReactNode;
  children?: React.ReactNode;
}

/** A titled part of the wizard: a region named by its heading. */
export function Section(props: ISectionProps): JSX.Element {
  const { idPrefix } = useWizard();
  const headingId = `${idPrefix}-${props.name}-heading`;
  return (
    <section
      className={`sme-Section sme-Section-${props.name}`}
      aria-labelledby={headingId}
    >
      <h2 id={headingId} className="sme-Section-title">
        {props.title}
      </h2>
      {props.description ? (
        <p className="sme-Section-description">{props.description}</p>
      ) : null}
      {props.children}
    </section>
  );
}

/** A heading inside a section. */
export function SubHeading(props: { children: React.ReactNode }): JSX.Element {
  return <h3 className="sme-SubHeading">{props.children}</h3>;
}
