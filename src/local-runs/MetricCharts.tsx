import type { TranslationBundle } from '@jupyterlab/translation';
import * as React from 'react';

import { latestValue, MetricChart } from './metricChart';
import type { MetricPoint } from './types';

/** One chart per metric, each with a heading that says its latest value. */
export function MetricCharts(props: {
  metrics: Readonly<Record<string, MetricPoint[]>>;
  idPrefix: string;
  locale?: string;
  trans: TranslationBundle;
}): JSX.Element {
  const { metrics, idPrefix, locale, trans } = props;
  const names = Object.keys(metrics);
  if (names.length === 0) {
    return (
      <p className="sme-Details-empty">
        {trans.__('The entry defines no metrics.')}
      </p>
    );
  }
  const format = new Intl.NumberFormat(locale, { maximumSignificantDigits: 6 });
  return (
    <div className="sme-RunCharts">
      {names.map((name, index) => {
        const points = metrics[name];
        const latest = latestValue(points);
        const headingId = `${idPrefix}-metric-${index}`;
        return (
          <section
            key={name}
            className="sme-RunChart"
            aria-labelledby={headingId}
          >
            <h3 id={headingId} className="sme-RunChart-heading">
              <code>{name}</code>
              <span className="sme-RunChart-latest">
                {latest === null
                  ? trans.__('no value yet')
                  : format.format(latest)}
              </span>
            </h3>
            <p className="sme-RunChart-count sme-Muted">
              {trans._n('%1 point', '%1 points', points.length)}
            </p>
            <MetricChartHost
              name={name}
              points={points}
              label={trans.__('Chart of %1', name)}
            />
          </section>
        );
      })}
    </div>
  );
}

/** The element of one uPlot chart: created once, then updated with setData. */
function MetricChartHost(props: {
  name: string;
  points: MetricPoint[];
  label: string;
}): JSX.Element {
  const { name, points, label } = props;
  const node = React.useRef<HTMLDivElement>(null);
  const chart = React.useRef<MetricChart | null>(null);
  React.useEffect(() => {
    chart.current = new MetricChart({
      node: node.current!,
      name,
      points
    });
    return () => {
      chart.current?.dispose();
      chart.current = null;
    };
    // Made once per metric: the next effect feeds it the new points.
  }, [name]);
  React.useEffect(() => {
    chart.current?.update(points);
  }, [points]);
  return (
    <div
      ref={node}
      className="sme-RunChart-plot"
      role="img"
      aria-label={label}
    />
  );
}
