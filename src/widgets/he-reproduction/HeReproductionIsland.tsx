import type { ComponentChildren } from 'preact';
import { useMemo } from 'preact/hooks';
import type { IslandProps } from '../kit/FigureShell.tsx';
import { Chart } from '../kit/Chart.tsx';
import { formatNumber } from '../kit/format.ts';
import { useFigureState } from '../kit/hooks.ts';
import { tr } from '../kit/strings.ts';
import type { DataTable } from '../kit/table.ts';
import { TrainingFigure, useTraining } from '../controls/TrainingFigure.tsx';
import type { SessionView } from '../runner/useTrainer.ts';
import { DATA, DEPTH, HE_SCHEMA, LR, MAX_STEPS, RECORD_EVERY, WIDTH, heConfigs, type HeValues, type RunName, type HeRunView } from './model.ts';
import { heLayersChart, heLossChart, heSummary, heTable } from './view.ts';

interface Props extends IslandProps<HeValues> {
  /** The build-time run's table, for "Show data" before the live run has data. */
  staticData: DataTable;
  lossSvg?: ComponentChildren;
  layersSvg?: ComponentChildren;
}

const K = 'widget.heReproduction';
const toView = (s: SessionView): HeRunView => ({ step: s.state.step, initialLoss: s.state.initialLoss, loss: s.state.loss, losses: s.losses, layers: s.state.layers, records: s.records });
const hasLayers = (s: SessionView) => s.state.layers.length > 0;

export default function HeReproductionIsland({ figureId, lang, strings: s, initial, staticData, lossSvg, layersSvg }: Props) {
  const state = useFigureState(HE_SCHEMA, figureId, initial);
  const v = state.values;
  const configs = useMemo(() => heConfigs(v), [v.seed]);
  const training = useTraining({ figureId, lang, strings: s, prefix: K, state }, configs, { ready: hasLayers });
  const { trainer, ready, version, theme } = training;

  // The island renders on every snapshot (the step counter follows each one); everything
  // derived from the runs follows the throttled `version`, and the charts are the same
  // elements between two versions, so a snapshot re-renders the controls and nothing else.
  const views: Record<RunName, HeRunView> | null = useMemo(() => (ready ? { xavier: toView(trainer.sessions[0]), he: toView(trainer.sessions[1]) } : null), [version, ready]);
  const charts = useMemo(() => {
    if (!views) return null;
    // Each chart builds only its own options, in its own draw.
    return { loss: (w: number) => heLossChart(views, s, theme, lang, w), layers: (w: number) => heLayersChart(views, s, theme, lang, w) };
  }, [views, theme]);
  const summary = useMemo(() => (views ? heSummary(views, s, lang) : ''), [views]);
  const data = useMemo(() => (views ? heTable(views, s) : null), [views]);
  const fmtInt = (x: number) => formatNumber(x, lang, 0);
  const body = useMemo(
    () => (
      <div class="fig-grid">
        <Chart options={charts?.loss ?? null} fallback={lossSvg} primary />
        <Chart options={charts?.layers ?? null} fallback={layersSvg} />
      </div>
    ),
    [charts],
  );

  return (
    <TrainingFigure
      training={training}
      seed={HE_SCHEMA.seed}
      settings={null}
      notes={<p class="fig-note">{tr(s, `${K}.setup`, { depth: fmtInt(DEPTH), width: fmtInt(WIDTH), n: fmtInt(DATA.n), lr: formatNumber(LR, lang, 3), steps: fmtInt(MAX_STEPS) })}</p>}
      stepBy={RECORD_EVERY}
      summary={summary}
      data={data}
      staticData={staticData}
    >
      {body}
    </TrainingFigure>
  );
}
