import type { ComponentChildren } from 'preact';
import { useMemo } from 'preact/hooks';
import type { IslandProps } from '../kit/FigureShell.tsx';
import { Chart } from '../kit/Chart.tsx';
import { formatNumber } from '../kit/format.ts';
import { useFigureState } from '../kit/hooks.ts';
import { tr } from '../kit/strings.ts';
import type { DataTable } from '../kit/table.ts';
import { Select } from '../controls/index.ts';
import { TrainingFigure, useTraining } from '../controls/TrainingFigure.tsx';
import { DATA, GLOROT_SCHEMA, HIDDEN, LR_OPTIONS, MAX_STEPS, WIDTH, glorotConfig, type GlorotValues, type GlorotView } from './model.ts';
import { glorotCharts, glorotSummary, glorotTable } from './view.ts';

interface Props extends IslandProps<GlorotValues> {
  /** The build-time run's table, for "Show data" before the live run has data. */
  staticData: DataTable;
  meansSvg?: ComponentChildren;
  lossSvg?: ComponentChildren;
}

/** One press of Step: five steps (the button says "+5 steps"), enough to see the means move. */
const STEP_BY = 5;
const K = 'widget.glorotReproduction';

export default function GlorotReproductionIsland({ figureId, lang, strings: s, initial, staticData, meansSvg, lossSvg }: Props) {
  const state = useFigureState(GLOROT_SCHEMA, figureId, initial);
  const v = state.values;
  const configs = useMemo(() => [glorotConfig(v)], [v.lr, v.seed]);
  const training = useTraining({ figureId, lang, strings: s, prefix: K, state }, configs);
  const { trainer, ready, version, theme } = training;
  const session = trainer.sessions[0];

  const view: GlorotView | null = ready ? { step: session.state.step, initialLoss: session.state.initialLoss, loss: session.state.loss, losses: session.losses, records: session.records } : null;
  const charts = useMemo(() => {
    if (!view) return null;
    return { means: (w: number) => glorotCharts(view, s, theme, lang, w).means, loss: (w: number) => glorotCharts(view, s, theme, lang, w).loss };
  }, [version, theme, ready]);
  const fmtInt = (x: number) => formatNumber(x, lang, 0);

  return (
    <TrainingFigure
      training={training}
      seed={GLOROT_SCHEMA.seed}
      settings={<Select label={tr(s, `${K}.lr`)} value={v.lr} options={LR_OPTIONS.map((o) => ({ value: o, label: formatNumber(Number(o), lang, 0) }))} onChange={(x) => state.set('lr', x)} />}
      notes={<p class="fig-note">{tr(s, `${K}.setup`, { hidden: fmtInt(HIDDEN), width: fmtInt(WIDTH), n: fmtInt(DATA.n), steps: fmtInt(MAX_STEPS) })}</p>}
      stepBy={STEP_BY}
      summary={view ? glorotSummary(view, s, lang) : ''}
      data={view ? glorotTable(view, s) : null}
      staticData={staticData}
    >
      <div class="fig-grid">
        <Chart options={charts?.means ?? null} fallback={meansSvg} primary />
        <Chart options={charts?.loss ?? null} fallback={lossSvg} />
      </div>
      <p class="fig-note">{tr(s, `${K}.honesty`)}</p>
    </TrainingFigure>
  );
}
