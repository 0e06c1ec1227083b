import type { PlotOptions } from '@observablehq/plot';
import { useId, useMemo, useRef, useState } from 'preact/hooks';
import type { Lang } from '../../i18n/index.ts';
import { Chart } from '../kit/Chart.tsx';
import { formatNumber } from '../kit/format.ts';
import { tr, type Strings } from '../kit/strings.ts';
import { GRID_EXTENT } from '../runner/data.ts';
import { nearestPoint, snapPoint } from './points.ts';
import type { LabPoint } from './settings.ts';
import type { Crosshair } from './view.ts';

interface Props {
  strings: Strings;
  lang: Lang;
  /** The boundary chart, with the keyboard crosshair drawn when there is one. */
  makeOptions: ((crosshair: Crosshair | null) => (width: number) => PlotOptions) | null;
  fallback?: preact.ComponentChildren;
  /** The points on the chart now (the built-in set's, or the reader's own). */
  points: readonly LabPoint[];
  pointClass: 0 | 1;
  onAdd(p: LabPoint): void;
  onRemove(index: number): void;
}

type Scaled = SVGSVGElement & { scale?: (name: string) => { invert?: (v: number) => number } | undefined };

/** Click or tap within this distance of a point removes it; anywhere else adds one. */
const HIT = 0.07;
const MOVE = 0.05;
const [X0, X1, Y0, Y1] = GRID_EXTENT;
const clamp = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, v));

/**
 * The decision-boundary chart as an editor of the data: click or tap to add a point of the
 * chosen class, on a point to remove it. From the keyboard, the chart is one focusable
 * control: arrow keys move a crosshair (Shift for bigger steps), Enter adds, Delete removes.
 */
export function BoundaryEditor({ strings: s, lang, makeOptions, fallback, points, pointClass, onAdd, onRemove }: Props) {
  const id = useId();
  const host = useRef<HTMLDivElement>(null);
  const [cross, setCross] = useState<Crosshair | null>(null);
  const [said, setSaid] = useState('');
  const options = useMemo(() => (makeOptions ? makeOptions(cross) : null), [makeOptions, cross]);
  const fmt = (v: number) => formatNumber(v, lang, 2);
  const cls = (c: 0 | 1) => tr(s, c ? 'widget.lab.class1' : 'widget.lab.class0');

  const act = (x: number, y: number, radius: number) => {
    const i = nearestPoint(points, x, y, radius);
    if (i >= 0) {
      const p = points[i];
      onRemove(i);
      setSaid(tr(s, 'widget.lab.edit.removed', { x: fmt(p.x), y: fmt(p.y), cls: cls(p.label) }));
    } else add(x, y);
  };
  const add = (x: number, y: number) => {
    const p = snapPoint({ x, y, label: pointClass });
    onAdd(p);
    setSaid(tr(s, 'widget.lab.edit.added', { x: fmt(p.x), y: fmt(p.y), cls: cls(p.label) }));
  };

  const onClick = (e: MouseEvent) => {
    const svg = host.current?.querySelector('.fig-chart__live svg') as Scaled | null;
    const sx = svg?.scale?.('x');
    const sy = svg?.scale?.('y');
    if (!svg || !sx?.invert || !sy?.invert) return;
    const box = svg.getBoundingClientRect();
    const vb = svg.viewBox.baseVal;
    const px = ((e.clientX - box.left) * (vb?.width || box.width)) / box.width;
    const py = ((e.clientY - box.top) * (vb?.height || box.height)) / box.height;
    const x = sx.invert(px);
    const y = sy.invert(py);
    if (!Number.isFinite(x) || !Number.isFinite(y) || x < X0 || x > X1 || y < Y0 || y > Y1) return;
    act(x, y, HIT);
  };

  const onKey = (e: KeyboardEvent) => {
    const c = cross ?? { x: 0, y: 0, label: pointClass };
    const d = e.shiftKey ? 4 * MOVE : MOVE;
    const move: Record<string, [number, number]> = { ArrowLeft: [-d, 0], ArrowRight: [d, 0], ArrowUp: [0, d], ArrowDown: [0, -d] };
    if (move[e.key]) {
      e.preventDefault();
      const next = { x: clamp(Math.round((c.x + move[e.key][0]) * 100) / 100, X0, X1), y: clamp(Math.round((c.y + move[e.key][1]) * 100) / 100, Y0, Y1), label: pointClass };
      setCross(next);
      setSaid(tr(s, 'widget.lab.edit.at', { x: fmt(next.x), y: fmt(next.y) }));
    } else if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      add(c.x, c.y);
    } else if (e.key === 'Delete' || e.key === 'Backspace') {
      e.preventDefault();
      const i = nearestPoint(points, c.x, c.y, 2 * HIT);
      if (i >= 0) act(points[i].x, points[i].y, 1e-9);
      else setSaid(tr(s, 'widget.lab.edit.none'));
    }
  };

  return (
    <div class="lab-editor">
      <div
        ref={host}
        class="lab-editor__chart"
        tabIndex={0}
        role="group"
        aria-label={tr(s, 'widget.lab.edit.label')}
        aria-describedby={`${id}-help`}
        onClick={onClick}
        onKeyDown={onKey}
        onFocus={() => setCross((c) => c ?? { x: 0, y: 0, label: pointClass })}
        onBlur={() => setCross(null)}
      >
        <Chart options={options} fallback={fallback} maxWidth={420} />
      </div>
      <p id={`${id}-help`} class="fig-note">{tr(s, 'widget.lab.edit.help')}</p>
      <p class="visually-hidden" role="status" aria-live="polite">{said}</p>
    </div>
  );
}
