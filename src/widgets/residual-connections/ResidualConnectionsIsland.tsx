import type { ComponentChildren } from 'preact';
import { useMemo } from 'preact/hooks';
import type { IslandProps } from '../kit/FigureShell.tsx';
import { Chart } from '../kit/Chart.tsx';
import { formatNumber } from '../kit/format.ts';
import { useFigureState } from '../kit/hooks.ts';
import { tr } from '../kit/strings.ts';
import type { DataTable } from '../kit/table.ts';
import { Select, Slider } from '../controls/index.ts';
import { TrainingFigure, useTraining } from '../controls/TrainingFigure.tsx';
import { runOfView } from '../runner/runs.ts';
import { INIT_OPTIONS, LR_OPTIONS, RECORD_EVERY, RESIDUAL_SCHEMA, RUNS, SCALE_OPTIONS, residualConfigs, type ResidualValues } from './model.ts';
import { driftChart, errorsChart, lossChart, residualSummary, residualTable } from './view.ts';

interface Props extends IslandProps<ResidualValues> {
  /** The build-time run's table, for "Show data" before the live run has data. */
  staticData: DataTable;
  /** Build-time SVGs, shown until the live charts are drawn (Astro named slots). */
  lossSvg?: ComponentChildren;
  errorsSvg?: ComponentChildren;
  driftSvg?: ComponentChildren;
}

const K = 'widget.residualConnections';

export default function ResidualConnectionsIsland({ figureId, lang, strings: s, initial, staticData, lossSvg, errorsSvg, driftSvg }: Props) {
  const state = useFigureState(RESIDUAL_SCHEMA, figureId, initial);
  const v = state.values;
  const configs = useMemo(() => residualConfigs(v), [v]);
  const training = useTraining({ figureId, lang, strings: s, prefix: K, state }, configs);
  const { trainer, ready, version, theme } = training;

  const runs = ready ? RUNS.map((r, i) => runOfView(r, trainer.sessions[i])) : null;
  // Charts redraw with the trainer's data, each at the width it has on screen.
  const loss = useMemo(() => (runs ? (w: number) => lossChart(runs, s, theme, w) : null), [version, ready, theme]);
  const errors = useMemo(() => (runs ? (w: number) => errorsChart(runs, s, theme, w) : null), [version, ready, theme]);
  const drift = useMemo(() => (runs ? (w: number) => driftChart(runs, s, theme, w) : null), [version, ready, theme]);
  // The summary and the table follow the charts' redraws, not every re-render of the controls.
  const text = useMemo(() => (runs ? { summary: residualSummary(runs, v, s, lang), table: residualTable(runs, s) } : null), [version, ready, lang]);
  const fmtInt = (x: number) => formatNumber(x, lang, 0);

  return (
    <TrainingFigure
      training={training}
      seed={RESIDUAL_SCHEMA.seed}
      settings={
        <>
          <Slider label={tr(s, `${K}.depth`)} spec={RESIDUAL_SCHEMA.depth} value={v.depth} onChange={(x) => state.set('depth', x)} format={fmtInt} />
          <Select label={tr(s, `${K}.init`)} value={v.init} options={INIT_OPTIONS.map((o) => ({ value: o, label: tr(s, `${K}.initName.${o}`) }))} onChange={(x) => state.set('init', x)} />
          <Select label={tr(s, `${K}.branch`)} value={v.branch} options={SCALE_OPTIONS.map((o) => ({ value: o, label: formatNumber(Number(o), lang, 2) }))} onChange={(x) => state.set('branch', x)} />
          <Select label={tr(s, `${K}.lr`)} value={v.lr} options={LR_OPTIONS.map((o) => ({ value: o, label: formatNumber(Number(o), lang, 3) }))} onChange={(x) => state.set('lr', x)} />
        </>
      }
      notes={<p class="ctl-note">{tr(s, `${K}.same`)}</p>}
      stepBy={RECORD_EVERY}
      summary={text?.summary ?? ''}
      data={text?.table ?? null}
      staticData={staticData}
    >
      <div class="fig-grid">
        <Chart options={loss} fallback={lossSvg} primary />
        <div>
          <Chart options={errors} fallback={errorsSvg} />
          <p class="fig-note">{tr(s, `${K}.errorsNote`)}</p>
        </div>
        <div>
          <Chart options={drift} fallback={driftSvg} />
          <p class="fig-note">{tr(s, `${K}.driftNote`)}</p>
        </div>
      </div>
    </TrainingFigure>
  );
}
