import * as React from 'react';

/** A definition list of label → value rows; empty values are left out. */
export function Fields(props: {
  rows: ReadonlyArray<[string, React.ReactNode]>;
}): JSX.Element {
  return (
    <dl className="sme-Fields">
      {props.rows
        .filter(
          ([, value]) => value !== null && value !== undefined && value !== ''
        )
        .map(([label, value]) => (
          <React.Fragment key={label}>
            <dt>{label}</dt>
            <dd>{value}</dd>
          </React.Fragment>
        ))}
    </dl>
  );
}

/** A small table with a caption (screen readers announce it). */
export function Table(props: {
  caption: string;
  headers: ReadonlyArray<string>;
  rows: ReadonlyArray<ReadonlyArray<React.ReactNode>>;
}): JSX.Element | null {
  const { caption, headers, rows } = props;
  if (rows.length === 0) {
    return null;
  }
  return (
    <table className="sme-Table">
      <caption>{caption}</caption>
      <thead>
        <tr>
          {headers.map(header => (
            <th key={header} scope="col">
              {header}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((row, index) => (
          <tr key={index}>
            {row.map((cell, column) => (
              <td key={column}>{cell}</td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** A URI or identifier: monospace, breakable anywhere. */
export function Code(props: { children: React.ReactNode }): JSX.Element {
  return <code className="sme-Code">{props.children}</code>;
}

/** Name → value pairs (environment variables) as a table. */
export function envRows(
  environment: Record<string, string>
): Array<[React.ReactNode, React.ReactNode]> {
  return Object.entries(environment).map(([name, value]) => [
    <Code key="n">{name}</Code>,
    <Code key="v">{value}</Code>
  ]);
}
