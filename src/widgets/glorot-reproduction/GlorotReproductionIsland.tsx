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
import { glorotLossChart, glorotMeansChart, glorotSummary, glorotTable } from './view.ts';

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

  // The island renders on every snapshot (the step counter follows each one); everything
  // derived from the run follows the throttled `version`, and the charts are the same
  // elements between two versions, so a snapshot re-renders the controls and nothing else.
  const view: GlorotView | null = useMemo(
    () => (ready ? { step: session.state.step, initialLoss: session.state.initialLoss, loss: session.state.loss, losses: session.losses, records: session.records } : null),
    [version, ready],
  );
  const charts = useMemo(() => {
    if (!view) return null;
    // Each chart builds only its own options, in its own draw.
    return { means: (w: number) => glorotMeansChart(view, s, theme, w), loss: (w: number) => glorotLossChart(view, s, theme, lang, w) };
  }, [view, theme]);
  const summary = useMemo(() => (view ? glorotSummary(view, s, lang) : ''), [view]);
  const data = useMemo(() => (view ? glorotTable(view, s) : null), [view]);
  const fmtInt = (x: number) => formatNumber(x, lang, 0);
  const body = useMemo(
    () => (
      <>
        <div class="fig-grid">
          <Chart options={charts?.means ?? null} fallback={meansSvg} primary />
          <Chart options={charts?.loss ?? null} fallback={lossSvg} />
        </div>
        <p class="fig-note">{tr(s, `${K}.honesty`)}</p>
      </>
    ),
    [charts],
  );

  return (
    <TrainingFigure
      training={training}
      seed={GLOROT_SCHEMA.seed}
      settings={<Select label={tr(s, `${K}.lr`)} value={v.lr} options={LR_OPTIONS.map((o) => ({ value: o, label: formatNumber(Number(o), lang, 0) }))} onChange={(x) => state.set('lr', x)} />}
      notes={<p class="fig-note">{tr(s, `${K}.setup`, { hidden: fmtInt(HIDDEN), width: fmtInt(WIDTH), n: fmtInt(DATA.n), steps: fmtInt(MAX_STEPS) })}</p>}
      stepBy={STEP_BY}
      summary={summary}
      data={data}
      staticData={staticData}
    >
      {body}
    </TrainingFigure>
  );
}
