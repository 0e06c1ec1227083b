import type { ComponentChildren } from 'preact';
import { useMemo, useRef } from 'preact/hooks';
import type { IslandProps } from '../kit/FigureShell.tsx';
import { Chart } from '../kit/Chart.tsx';
import { formatNumber } from '../kit/format.ts';
import { useChartWidth, useFigureState } from '../kit/hooks.ts';
import { tr, type Strings } from '../kit/strings.ts';
import { Segmented, Select, Slider } from '../controls/index.ts';
import { TrainingFigure, useTraining } from '../controls/TrainingFigure.tsx';
import { DEAD_SCHEMA, LR_OPTIONS, RECORD_EVERY, deadConfig, type DeadValues, type DeadView } from './model.ts';
import { deadChart, deadFnChart, deadLossChart, deadNetworkChart, deadSummary, deadTable, layerColours } from './view.ts';

interface Props extends IslandProps<DeadValues> {
  networkSvg?: ComponentChildren;
  deadSvg?: ComponentChildren;
  lossSvg?: ComponentChildren;
  fnSvg?: ComponentChildren;
}

const K = 'widget.deadUnits';
const always = () => true;
const TWO_COLUMNS = 'display:grid;grid-template-columns:repeat(auto-fit,minmax(min(100%,19rem),1fr));gap:0.8rem 1.2rem;align-items:start;';

/** Swatches naming the layers of the dead-fraction chart (solid, dashed, solid). */
function LayerLegend({ s, theme }: { s: Strings; theme: 'light' | 'dark' }) {
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
  const state = useFigureState(DEAD_SCHEMA, figureId, initial);
  const v = state.values;
  // alpha only matters for the leaky ReLU: moving its slider under plain ReLU restarts nothing.
  const configs = useMemo(() => [deadConfig(v)], [v.lr, v.biasInit, v.activation, v.activation === 'leakyRelu' ? v.alpha : 0, v.dataset, v.seed]);
  // Autoplay as soon as the session exists: its first snapshot is step 0.
  const training = useTraining({ figureId, lang, strings: s, prefix: K, state }, configs, { ready: always });
  const { trainer, version, theme } = training;
  const session = trainer.sessions[0];
  const probe = session?.probe ?? null;

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
  const cell = useRef<HTMLDivElement>(null);
  const cellWidth = useChartWidth(cell, 440);
  // One snapshot per redraw: the summary, the table and the charts describe the same step.
  // Each chart is built inside its own draw (a function for Chart), one chart per task, and
  // the function chart, which training does not change, keeps its drawing.
  const frame = useMemo(() => {
    if (!view) return null;
    const snap: DeadView = { ...view, losses: view.losses.slice(), history: view.history.slice() };
    return {
      network: () => deadNetworkChart(snap, s, theme, cellWidth),
      dead: () => deadChart(snap, s, theme, cellWidth),
      loss: () => deadLossChart(snap, s, theme, cellWidth),
      summary: deadSummary(snap, s, lang),
      table: deadTable(snap, s),
    };
  }, [version, theme, v.alpha, cellWidth, lang, view === null]);
  const fn = useMemo(() => (view ? () => deadFnChart(v.alpha, s, theme, lang, cellWidth) : null), [v.alpha, theme, lang, cellWidth, view === null]);

  const leaky = v.activation === 'leakyRelu';

  return (
    <TrainingFigure
      training={training}
      seed={DEAD_SCHEMA.seed}
      settings={
        <>
          <Select label={tr(s, `${K}.lr`)} value={v.lr} options={LR_OPTIONS.map((o) => ({ value: o, label: formatNumber(Number(o), lang, 3) }))} onChange={(x) => state.set('lr', x)} />
          <Slider label={tr(s, `${K}.biasInit`)} spec={DEAD_SCHEMA.biasInit} value={v.biasInit} onChange={(x) => state.set('biasInit', x)} format={(x) => formatNumber(x, lang, 1)} />
          <Segmented label={tr(s, `${K}.activation`)} value={v.activation} options={DEAD_SCHEMA.activation.options.map((o) => ({ value: o, label: tr(s, `kit.act.${o}`) }))} onChange={(x) => state.set('activation', x)} />
          <Slider label={tr(s, `${K}.alpha`)} spec={DEAD_SCHEMA.alpha} value={v.alpha} onChange={(x) => state.set('alpha', x)} format={(x) => formatNumber(x, lang, 2)} />
          <Select label={tr(s, `${K}.dataset`)} value={v.dataset} options={DEAD_SCHEMA.dataset.options.map((o) => ({ value: o, label: tr(s, `kit.data.${o}`) }))} onChange={(x) => state.set('dataset', x)} />
        </>
      }
      notes={!leaky && <p class="ctl-note">{tr(s, `${K}.alphaNote`)}</p>}
      stepBy={RECORD_EVERY}
      summary={frame?.summary ?? ''}
      data={frame?.table ?? null}
    >
      <div style={TWO_COLUMNS}>
        <div ref={cell}>
          <Chart options={frame?.network ?? null} fallback={networkSvg} primary />
          <p class="fig-note">{tr(s, leaky ? `${K}.networkNoteLeaky` : `${K}.networkNote`)}</p>
        </div>
        <div><Chart options={fn} fallback={fnSvg} /></div>
        <div>
          <Chart options={frame?.dead ?? null} fallback={deadSvg} />
          <LayerLegend s={s} theme={theme} />
        </div>
        <div><Chart options={frame?.loss ?? null} fallback={lossSvg} /></div>
      </div>
    </TrainingFigure>
  );
}
