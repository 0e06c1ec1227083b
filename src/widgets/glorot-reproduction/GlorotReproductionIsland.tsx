import type { ComponentChildren } from 'preact';
import { useMemo, useRef } from 'preact/hooks';
import type { Lang } from '../../i18n/index.ts';
import { Chart } from '../kit/Chart.tsx';
import { FigureShell } from '../kit/FigureShell.tsx';
import { formatNumber } from '../kit/format.ts';
import { useActive, useAutoplayOnce, useFigureState, useReducedMotion, useTheme, useThrottled } from '../kit/hooks.ts';
import { tr, type Strings } from '../kit/strings.ts';
import { NumberInput, TrainerControls, Select } from '../controls/index.ts';
import type { DataTable } from '../kit/table.ts';
import { trainingAlert } from '../runner/alerts.ts';
import { useTrainer } from '../runner/useTrainer.ts';
import { DATA, GLOROT_SCHEMA, HIDDEN, LR_OPTIONS, MAX_STEPS, WIDTH, glorotConfig, type GlorotValues, type GlorotView } from './model.ts';
import { glorotCharts, glorotSummary, glorotTable } from './view.ts';

interface Props {
  figureId: string;
  lang: Lang;
  strings: Strings;
  initial: GlorotValues;
  /** The build-time run's table, for "Show data" before the live run has data. */
  staticData: DataTable;
  meansSvg?: ComponentChildren;
  lossSvg?: ComponentChildren;
}

/** One press of Step: five steps (the button says "+5 steps"), enough to see the means move. */
const STEP_BY = 5;

export default function GlorotReproductionIsland({ figureId, lang, strings: s, initial, staticData, meansSvg, lossSvg }: Props) {
  const root = useRef<HTMLDivElement>(null);
  const state = useFigureState(GLOROT_SCHEMA, figureId, initial);
  const v = state.values;
  const theme = useTheme();
  const reduced = useReducedMotion();
  const active = useActive(root);
  const config = useMemo(() => glorotConfig(v), [v.lr, v.seed]);
  const trainer = useTrainer([config], active);
  const session = trainer.sessions[0];
  const ready = !!session && session.records.length > 0;

  useAutoplayOnce(ready, trainer.play);

  const view: GlorotView | null = ready ? { step: session.state.step, initialLoss: session.state.initialLoss, loss: session.state.loss, losses: session.losses, records: session.records } : null;
  // The trainer says when its data changed; charts redraw at most every 150 ms.
  const version = useThrottled(trainer.version, 150);
  const charts = useMemo(() => {
    if (!view) return null;
    return { means: (w: number) => glorotCharts(view, s, theme, lang, w).means, loss: (w: number) => glorotCharts(view, s, theme, lang, w).loss };
  }, [version, theme, ready]);
  const fmtInt = (x: number) => formatNumber(x, lang, 0);

  return (
    <div ref={root}>
      <FigureShell
        lab={config}
        figureId={figureId}
        lang={lang}
        strings={s}
        summary={view ? glorotSummary(view, s, lang) : ''}
        state={state}
        alert={trainingAlert(trainer, s, lang)}
        data={view ? glorotTable(view, s) : { columns: [], rows: [] }}
        staticData={staticData}
      >
        <div class="fig-controls">
          <Select label={tr(s, 'widget.glorotReproduction.lr')} value={v.lr} options={LR_OPTIONS.map((o) => ({ value: o, label: formatNumber(Number(o), lang, 0) }))} onChange={(x) => state.set('lr', x)} />
          <NumberInput label={tr(s, 'widget.glorotReproduction.seed')} spec={GLOROT_SCHEMA.seed} value={v.seed} onChange={(x) => state.set('seed', x)} strings={s} lang={lang} format={fmtInt} />
          <TrainerControls trainer={trainer} strings={s} stepBy={STEP_BY} format={fmtInt} />
          {reduced && <p class="ctl-note">{tr(s, 'kit.reducedMotion')}</p>}
          <p class="fig-note">{tr(s, 'widget.glorotReproduction.setup', { hidden: fmtInt(HIDDEN), width: fmtInt(WIDTH), n: fmtInt(DATA.n), steps: fmtInt(MAX_STEPS) })}</p>
        </div>
        <div class="fig-grid">
          <Chart options={charts?.means ?? null} fallback={meansSvg} primary />
          <Chart options={charts?.loss ?? null} fallback={lossSvg} />
        </div>
        <p class="fig-note">{tr(s, 'widget.glorotReproduction.honesty')}</p>
      </FigureShell>
    </div>
  );
}
