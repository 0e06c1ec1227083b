import type { ComponentChildren } from 'preact';
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { Chart } from '../kit/Chart.tsx';
import { FigureShell, type IslandProps } from '../kit/FigureShell.tsx';
import { formatNumber } from '../kit/format.ts';
import { useChartWidth, useFigureState, useTheme, useThrottled } from '../kit/hooks.ts';
import { clampNumber } from '../kit/params.ts';
import { tr } from '../kit/strings.ts';
import type { DataTable } from '../kit/table.ts';
import { NumberInput, Segmented, Slider } from '../controls/index.ts';
import { PHASE_ACTIVATIONS, PHASE_SCHEMA, nudge, phaseMap, probe, type PhaseActivation, type PhaseMap, type PhaseValues, type Probe } from './model.ts';
import { mapChart, phaseSummary, phaseTable, ratioChart, relativeChart } from './view.ts';

interface Props extends IslandProps<PhaseValues> {
  mapSvg?: ComponentChildren;
  ratioSvg?: ComponentChildren;
  relativeSvg?: ComponentChildren;
  /** The build-time table, for readers without JavaScript. */
  staticData?: DataTable;
}

type ScaledSvg = SVGSVGElement & { scale?: (name: string) => { invert?: (v: number) => number } | undefined };

const KEYS: Record<string, [number, number]> = { ArrowLeft: [-1, 0], ArrowRight: [1, 0], ArrowUp: [0, 1], ArrowDown: [0, -1] };

export default function PhaseDiagramIsland({ figureId, lang, strings: s, initial, mapSvg, ratioSvg, relativeSvg, staticData }: Props) {
  const state = useFigureState(PHASE_SCHEMA, figureId, initial);
  const v = state.values;
  const theme = useTheme();
  const grid = useRef<HTMLDivElement>(null);
  const mapHost = useRef<HTMLDivElement>(null);
  const width = useChartWidth(grid, 640);
  // The map costs about fourteen hundred mean-field solves: once per activation, in the
  // browser only (the build draws its own), in a task of its own after the first paint.
  const maps = useRef(new Map<PhaseActivation, PhaseMap>());
  const [map, setMap] = useState<PhaseMap | null>(null);
  useEffect(() => {
    const cached = maps.current.get(v.activation);
    if (cached) {
      setMap(cached);
      return;
    }
    const t = setTimeout(() => {
      const m = phaseMap(v.activation);
      maps.current.set(v.activation, m);
      setMap(m);
    }, 0);
    return () => clearTimeout(t);
  }, [v.activation]);

  // The live network (256 wide, up to 50 deep) takes a few tenths of a second: rebuild it
  // only once the point has stopped moving, in a task of its own.
  const probeKey = useThrottled(JSON.stringify(v), 150);
  const [p, setP] = useState<Probe | null>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    setBusy(true);
    const t = setTimeout(() => {
      setP(probe(JSON.parse(probeKey) as PhaseValues));
      setBusy(false);
    }, 0);
    return () => clearTimeout(t);
  }, [probeKey]);

  const point = { sw2: v.sw2, sb2: v.sb2 };
  const mapOptions = useMemo(() => (map && map.activation === v.activation ? mapChart(map, point, s, theme, width) : null), [map, v.activation, v.sw2, v.sb2, theme, width]);
  const ratio = useMemo(() => (p ? ratioChart(p, s, theme, width, lang) : null), [p, theme, width]);
  const relative = useMemo(() => (p ? relativeChart(p, s, theme, width) : null), [p, theme, width]);

  const pick = (e: PointerEvent) => {
    const svg = mapHost.current?.querySelector('svg.vg-plot, svg[viewBox]') as ScaledSvg | null;
    const ix = svg?.scale?.('x')?.invert;
    const iy = svg?.scale?.('y')?.invert;
    if (!svg || !ix || !iy) return;
    const box = svg.getBoundingClientRect();
    const vb = svg.viewBox.baseVal;
    const sx = vb && vb.width ? vb.width / box.width : 1;
    const sy = vb && vb.height ? vb.height / box.height : 1;
    const sw2 = ix((e.clientX - box.left) * sx);
    const sb2 = iy((e.clientY - box.top) * sy);
    if (!Number.isFinite(sw2) || !Number.isFinite(sb2)) return;
    state.setMany({ sw2: clampNumber(PHASE_SCHEMA.sw2, sw2).value, sb2: clampNumber(PHASE_SCHEMA.sb2, sb2).value });
  };
  const onKey = (e: KeyboardEvent) => {
    const d = KEYS[e.key];
    if (!d) return;
    e.preventDefault();
    const big = e.shiftKey ? 5 : 1;
    state.setMany(nudge(v, d[0] * big, d[1] * big));
  };

  const fmt2 = (x: number) => formatNumber(x, lang, 2);
  const fmtInt = (x: number) => formatNumber(x, lang, 0);
  const k = 'widget.phaseDiagram';
  const ready = p !== null && ratio !== null && relative !== null;

  return (
    <FigureShell
      figureId={figureId}
      lang={lang}
      strings={s}
      summary={p ? phaseSummary(p, s, lang) : ''}
      state={state}
      data={p ? phaseTable(p, s) : { columns: [], rows: [] }}
      staticData={staticData}
    >
      <div class="fig-controls">
        <Segmented label={tr(s, `${k}.activation`)} value={v.activation} options={PHASE_ACTIVATIONS.map((a) => ({ value: a, label: tr(s, `kit.act.${a}`) }))} onChange={(x) => state.set('activation', x)} />
        <Slider label={tr(s, `${k}.sw2`)} spec={PHASE_SCHEMA.sw2} value={v.sw2} onChange={(x) => state.set('sw2', x)} format={fmt2} />
        <Slider label={tr(s, `${k}.sb2`)} spec={PHASE_SCHEMA.sb2} value={v.sb2} onChange={(x) => state.set('sb2', x)} format={fmt2} />
        <Slider label={tr(s, `${k}.depth`)} spec={PHASE_SCHEMA.depth} value={v.depth} onChange={(x) => state.set('depth', x)} format={fmtInt} />
        <NumberInput label={tr(s, `${k}.seed`)} spec={PHASE_SCHEMA.seed} value={v.seed} onChange={(x) => state.set('seed', x)} strings={s} lang={lang} format={fmtInt} />
        <p class="ctl-note">{tr(s, `${k}.how`)}</p>
        {busy && <p class="ctl-note" role="status">{tr(s, `${k}.computing`)}</p>}
      </div>
      <div class="fig-grid" ref={grid}>
        <div>
          <div
            ref={mapHost}
            tabIndex={0}
            role="group"
            aria-label={tr(s, `${k}.mapControl`, { sw2: fmt2(v.sw2), sb2: fmt2(v.sb2) })}
            onPointerDown={pick}
            onKeyDown={onKey}
            style="cursor:crosshair;touch-action:pan-y"
            data-map="true"
          >
            <Chart options={mapOptions} primary fallback={mapSvg} />
          </div>
          <p class="fig-note">{tr(s, `${k}.mapNote`)}</p>
        </div>
        <div><Chart options={ready ? ratio : null} fallback={ratioSvg} /></div>
        <div>
          <Chart options={ready ? relative : null} fallback={relativeSvg} />
          <p class="fig-note">{tr(s, `${k}.relativeNote`)}</p>
        </div>
      </div>
    </FigureShell>
  );
}
