import type { ComponentChildren } from 'preact';
import { useMemo, useRef } from 'preact/hooks';
import type { Lang } from '../../i18n/index.ts';
import { Chart } from '../kit/Chart.tsx';
import { FigureShell } from '../kit/FigureShell.tsx';
import { formatNumber } from '../kit/format.ts';
import { useActive, useAutoplayOnce, useChartWidth, useFigureState, useReducedMotion, useTheme, useThrottled } from '../kit/hooks.ts';
import { tr, type Strings } from '../kit/strings.ts';
import { NumberInput, Segmented, Select, Slider, TrainerControls } from '../controls/index.ts';
import { trainingAlert } from '../runner/alerts.ts';
import { useTrainer } from '../runner/useTrainer.ts';
import { DEAD_SCHEMA, LR_OPTIONS, RECORD_EVERY, deadConfig, type DeadValues, type DeadView } from './model.ts';
import { deadCharts, deadSummary, deadTable, layerColours } from './view.ts';

interface Props {
  figureId: string;
  lang: Lang;
  strings: Strings;
  initial: DeadValues;
  networkSvg?: ComponentChildren;
  deadSvg?: ComponentChildren;
  lossSvg?: ComponentChildren;
  fnSvg?: ComponentChildren;
}

const K = 'widget.deadUnits';
const TWO_COLUMNS = 'display:grid;grid-template-columns:repeat(auto-fit,minmax(min(100%,19rem),1fr));gap:0.8rem 1.2rem;align-items:start;';

/** Swatches naming the layers of the dead-fraction chart (solid, dashed, solid). */
export function LayerLegend({ s, theme }: { s: Strings; theme: 'light' | 'dark' }) {
  const colours = layerColours(theme);
  return (
    <p class="fig-note">
      {colours.map((c, l) => (
        <span key={l} style="margin-right:1rem;white-space:nowrap">
          <svg width="22" height="10" aria-hidden="true" style="vertical-align:middle;margin-right:0.3rem">
            <line x1="1" y1="5" x2="21" y2="5" stroke={c} stroke-width="2.5" stroke-dasharray={l === 1 ? '6 4' : undefined} />
          </svg>
          {tr(s, `${K}.hidden`, { n: l + 1 })}
        </span>
      ))}
    </p>
  );
}

export default function DeadUnitsIsland({ figureId, lang, strings: s, initial, networkSvg, deadSvg, lossSvg, fnSvg }: Props) {
  const root = useRef<HTMLDivElement>(null);
  const state = useFigureState(DEAD_SCHEMA, figureId, initial);
  const v = state.values;
  const theme = useTheme();
  const reduced = useReducedMotion();
  const active = useActive(root);
  const config = useMemo(() => deadConfig(v), [v.lr, v.biasInit, v.activation, v.activation === 'leakyRelu' ? v.alpha : 0, v.dataset, v.seed]);
  const trainer = useTrainer([config], active);
  const session = trainer.sessions[0];
  const probe = session?.probe ?? null;

  useAutoplayOnce(session !== undefined, trainer.play);

  const st = session?.state;
  const view: DeadView | null =
    session && st && probe
      ? {
          activation: v.activation,
          alpha: v.alpha,
          step: st.step,
          loss: st.loss,
          initialLoss: st.initialLoss,
          losses: session.losses,
          history: session.records,
          units: probe.negative,
          weights: probe.weights,
          diverged: st.diverged,
        }
      : null;
  // Charts redraw at most about seven times a second, whenever the trainer has new data.
  const drawn = useThrottled(trainer.version, 150);
  const cell = useRef<HTMLDivElement>(null);
  const cellWidth = useChartWidth(cell, 440);
  const charts = useMemo(() => (view ? deadCharts(view, s, theme, lang, cellWidth) : null), [drawn, theme, v.alpha, cellWidth]);

  const fmtInt = (x: number) => formatNumber(x, lang, 0);
  const leaky = v.activation === 'leakyRelu';

  return (
    <div ref={root}>
      <FigureShell
        lab={config}
        figureId={figureId}
        lang={lang}
        strings={s}
        summary={view ? deadSummary(view, s, lang) : ''}
        state={state}
        alert={trainingAlert(trainer, s, lang)}
        data={view ? deadTable(view, s) : { columns: [], rows: [] }}
      >
        <div class="fig-controls">
          <Select label={tr(s, `${K}.lr`)} value={v.lr} options={LR_OPTIONS.map((o) => ({ value: o, label: formatNumber(Number(o), lang, 3) }))} onChange={(x) => state.set('lr', x)} />
          <Slider label={tr(s, `${K}.biasInit`)} spec={DEAD_SCHEMA.biasInit} value={v.biasInit} onChange={(x) => state.set('biasInit', x)} format={(x) => formatNumber(x, lang, 1)} />
          <Segmented label={tr(s, `${K}.activation`)} value={v.activation} options={DEAD_SCHEMA.activation.options.map((o) => ({ value: o, label: tr(s, `kit.act.${o}`) }))} onChange={(x) => state.set('activation', x)} />
          <Slider label={tr(s, `${K}.alpha`)} spec={DEAD_SCHEMA.alpha} value={v.alpha} onChange={(x) => state.set('alpha', x)} format={(x) => formatNumber(x, lang, 2)} />
          <Select label={tr(s, `${K}.dataset`)} value={v.dataset} options={DEAD_SCHEMA.dataset.options.map((o) => ({ value: o, label: tr(s, `kit.data.${o}`) }))} onChange={(x) => state.set('dataset', x)} />
          <NumberInput label={tr(s, `${K}.seed`)} spec={DEAD_SCHEMA.seed} value={v.seed} onChange={(x) => state.set('seed', x)} strings={s} format={fmtInt} />
          <TrainerControls trainer={trainer} strings={s} stepBy={RECORD_EVERY} format={fmtInt} />
          {!leaky && <p class="ctl-note">{tr(s, `${K}.alphaNote`)}</p>}
          {reduced && <p class="ctl-note">{tr(s, 'kit.reducedMotion')}</p>}
        </div>
        <div style={TWO_COLUMNS}>
          <div ref={cell}>
            {charts ? <Chart options={charts.network} primary /> : <div class="fig-chart">{networkSvg}</div>}
            <p class="fig-note">{tr(s, leaky ? `${K}.networkNoteLeaky` : `${K}.networkNote`)}</p>
          </div>
          <div>{charts ? <Chart options={charts.fn} /> : <div class="fig-chart">{fnSvg}</div>}</div>
          <div>
            {charts ? <Chart options={charts.dead} /> : <div class="fig-chart">{deadSvg}</div>}
            <LayerLegend s={s} theme={theme} />
          </div>
          <div>{charts ? <Chart options={charts.loss} /> : <div class="fig-chart">{lossSvg}</div>}</div>
        </div>
      </FigureShell>
    </div>
  );
}

