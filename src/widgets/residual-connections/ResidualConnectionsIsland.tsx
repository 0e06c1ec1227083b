import type { ComponentChildren } from 'preact';
import { useMemo, useRef } from 'preact/hooks';
import type { Lang } from '../../i18n/index.ts';
import { Chart } from '../kit/Chart.tsx';
import { FigureShell } from '../kit/FigureShell.tsx';
import { formatNumber } from '../kit/format.ts';
import { useActive, useAutoplayOnce, useFigureState, useReducedMotion, useTheme, useThrottled } from '../kit/hooks.ts';
import { tr, type Strings } from '../kit/strings.ts';
import type { DataTable } from '../kit/table.ts';
import { NumberInput, Select, Slider, TrainerControls } from '../controls/index.ts';
import { trainingAlert } from '../runner/alerts.ts';
import { useTrainer, type SessionView } from '../runner/useTrainer.ts';
import { INIT_OPTIONS, LR_OPTIONS, RECORD_EVERY, RESIDUAL_SCHEMA, RUNS, SCALE_OPTIONS, residualConfigs, type ResidualValues, type RunName, type RunView } from './model.ts';
import { driftChart, errorsChart, lossChart, residualSummary, residualTable } from './view.ts';

interface Props {
  figureId: string;
  lang: Lang;
  strings: Strings;
  initial: ResidualValues;
  /** The build-time run's table, for "Show data" before the live run has data. */
  staticData: DataTable;
  /** Build-time SVGs, shown until the live charts are drawn (Astro named slots). */
  lossSvg?: ComponentChildren;
  errorsSvg?: ComponentChildren;
  driftSvg?: ComponentChildren;
}

const K = 'widget.residualConnections';

function toRun(run: RunName, v: SessionView): RunView {
  return { run, step: v.state.step, loss: v.state.loss, initialLoss: v.state.initialLoss, testAccuracy: v.state.testAccuracy, losses: v.losses, records: v.records, diverged: v.state.diverged };
}

export default function ResidualConnectionsIsland({ figureId, lang, strings: s, initial, staticData, lossSvg, errorsSvg, driftSvg }: Props) {
  const root = useRef<HTMLDivElement>(null);
  const state = useFigureState(RESIDUAL_SCHEMA, figureId, initial);
  const v = state.values;
  const theme = useTheme();
  const reduced = useReducedMotion();
  const active = useActive(root);
  const configs = useMemo(() => residualConfigs(v), [v]);
  const trainer = useTrainer(configs, active);
  const ready = trainer.sessions.length === RUNS.length && trainer.sessions.every((x) => x.records.length > 0);

  useAutoplayOnce(ready, trainer.play);

  const runs = ready ? RUNS.map((r, i) => toRun(r, trainer.sessions[i])) : null;
  // The trainer says when its data changed; charts redraw at most every 150 ms, each at the
  // width it has on screen.
  const version = useThrottled(trainer.version, 150);
  const loss = useMemo(() => (runs ? (w: number) => lossChart(runs, s, theme, w) : null), [version, ready, theme]);
  const errors = useMemo(() => (runs ? (w: number) => errorsChart(runs, s, theme, w) : null), [version, ready, theme]);
  const drift = useMemo(() => (runs ? (w: number) => driftChart(runs, s, theme, w) : null), [version, ready, theme]);

  const fmtInt = (x: number) => formatNumber(x, lang, 0);

  return (
    <div ref={root}>
      <FigureShell
        lab={configs}
        figureId={figureId}
        lang={lang}
        strings={s}
        summary={runs ? residualSummary(runs, v, s, lang) : ''}
        state={state}
        alert={trainingAlert(trainer, s, lang)}
        data={runs ? residualTable(runs, s) : { columns: [], rows: [] }}
        staticData={staticData}
      >
        <div class="fig-controls">
          <Slider label={tr(s, `${K}.depth`)} spec={RESIDUAL_SCHEMA.depth} value={v.depth} onChange={(x) => state.set('depth', x)} format={fmtInt} />
          <Select label={tr(s, `${K}.init`)} value={v.init} options={INIT_OPTIONS.map((o) => ({ value: o, label: tr(s, `${K}.initName.${o}`) }))} onChange={(x) => state.set('init', x)} />
          <Select label={tr(s, `${K}.branch`)} value={v.branch} options={SCALE_OPTIONS.map((o) => ({ value: o, label: formatNumber(Number(o), lang, 2) }))} onChange={(x) => state.set('branch', x)} />
          <Select label={tr(s, `${K}.lr`)} value={v.lr} options={LR_OPTIONS.map((o) => ({ value: o, label: formatNumber(Number(o), lang, 3) }))} onChange={(x) => state.set('lr', x)} />
          <NumberInput label={tr(s, `${K}.seed`)} spec={RESIDUAL_SCHEMA.seed} value={v.seed} onChange={(x) => state.set('seed', x)} strings={s} lang={lang} format={fmtInt} />
          <TrainerControls trainer={trainer} strings={s} stepBy={RECORD_EVERY} format={fmtInt} />
          <p class="ctl-note">{tr(s, `${K}.same`)}</p>
          {reduced && <p class="ctl-note">{tr(s, 'kit.reducedMotion')}</p>}
        </div>
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
      </FigureShell>
    </div>
  );
}
