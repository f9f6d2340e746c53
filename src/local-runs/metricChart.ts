/**
 * A live chart of one metric (uPlot): created once, then fed with `setData`
 * as points arrive. Its axes, grid and line take JupyterLab's theme colours,
 * read from the computed style when drawn, so light and dark both look right
 * and a theme change only needs a redraw.
 */
import type { IDisposable } from '@lumino/disposable';
import uPlot from 'uplot';

import type { MetricPoint } from './types';

export const CHART_HEIGHT = 180;
const DEFAULT_WIDTH = 480;

/** uPlot's columns of a metric series: `[times (s), values]`. */
export function toAlignedData(
  points: ReadonlyArray<MetricPoint>
): [number[], number[]] {
  const times = new Array<number>(points.length);
  const values = new Array<number>(points.length);
  points.forEach(([time, value], index) => {
    times[index] = time;
    values[index] = value;
  });
  return [times, values];
}

/** The latest value of a series, or null when it has none. */
export function latestValue(points: ReadonlyArray<MetricPoint>): number | null {
  return points.length > 0 ? points[points.length - 1][1] : null;
}

/** A CSS custom property of `node` (its theme), or `fallback`. */
function cssVariable(node: Element, name: string, fallback: string): string {
  const value = getComputedStyle(node).getPropertyValue(name).trim();
  return value || fallback;
}

/** The theme's small UI font, in px (uPlot scales px sizes only). */
function chartFont(node: Element): string {
  const size = parseFloat(getComputedStyle(node).fontSize) || 13;
  const family = cssVariable(node, '--jp-ui-font-family', 'sans-serif');
  return `${Math.max(9, Math.round(size * 0.85))}px ${family}`;
}

export class MetricChart implements IDisposable {
  constructor(options: MetricChart.IOptions) {
    this._node = options.node;
    const node = this._node;
    const color = (name: string, fallback: string) => () =>
      cssVariable(node, name, fallback);
    const font = chartFont(node);
    const axis = (): uPlot.Axis => ({
      stroke: color('--jp-ui-font-color1', '#333'),
      font,
      grid: { stroke: color('--jp-border-color2', '#ddd'), width: 1 },
      ticks: { stroke: color('--jp-border-color1', '#bbb'), width: 1 }
    });
    this._plot = new uPlot(
      {
        width: this._width(),
        height: CHART_HEIGHT,
        scales: { x: { time: true } },
        legend: { show: false },
        cursor: { drag: { x: false, y: false } },
        series: [
          {},
          {
            label: options.name,
            stroke: color('--jp-brand-color1', '#1976d2'),
            width: 2,
            points: { show: false }
          }
        ],
        axes: [axis(), { ...axis(), size: 60 }]
      },
      toAlignedData(options.points ?? []),
      node
    );
    const points = options.points ?? [];
    this._count = points.length;
    this._last = points[points.length - 1] ?? null;
    if (typeof ResizeObserver !== 'undefined') {
      this._resize = new ResizeObserver(() => this.resize());
      this._resize.observe(node);
    }
    // Redraw with the new colours when the theme changes.
    this._theme = new MutationObserver(() => this.redraw());
    this._theme.observe(document.body, {
      attributes: true,
      attributeFilter: ['data-jp-theme-name', 'data-jp-theme-light']
    });
  }

  get isDisposed(): boolean {
    return this._plot === null;
  }

  /** Show these points (only when they changed). */
  update(points: ReadonlyArray<MetricPoint>): void {
    if (!this._plot) {
      return;
    }
    const last = points[points.length - 1];
    if (
      points.length === this._count &&
      last?.[0] === this._last?.[0] &&
      last?.[1] === this._last?.[1]
    ) {
      return;
    }
    this._count = points.length;
    this._last = last ?? null;
    this._plot.setData(toAlignedData(points));
  }

  /** Draw again (e.g. with the theme's new colours). */
  redraw(): void {
    this._plot?.redraw(false);
  }

  /** Fit the chart to its element's width. */
  resize(): void {
    const width = this._width();
    if (this._plot && width !== this._plot.width) {
      this._plot.setSize({ width, height: CHART_HEIGHT });
    }
  }

  dispose(): void {
    if (!this._plot) {
      return;
    }
    this._resize?.disconnect();
    this._theme.disconnect();
    this._plot.destroy();
    this._plot = null;
  }

  private _width(): number {
    return Math.max(200, this._node.clientWidth || DEFAULT_WIDTH);
  }

  private _count: number;
  private _last: MetricPoint | null = null;
  private _node: HTMLElement;
  private _plot: uPlot | null;
  private _resize: ResizeObserver | null = null;
  private _theme: MutationObserver;
}

export namespace MetricChart {
  export interface IOptions {
    /** Where the chart goes. */
    node: HTMLElement;
    name: string;
    points?: ReadonlyArray<MetricPoint>;
  }
}
