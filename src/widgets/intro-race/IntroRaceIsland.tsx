import type { ComponentChildren } from 'preact';
import { useMemo, useRef } from 'preact/hooks';
import type { IslandProps } from '../kit/FigureShell.tsx';
import { Chart } from '../kit/Chart.tsx';
import { formatNumber } from '../kit/format.ts';
import { useChartWidth, useFigureState } from '../kit/hooks.ts';
import { tr } from '../kit/strings.ts';
import { Slider } from '../controls/index.ts';
import { TrainingFigure, useTraining } from '../controls/TrainingFigure.tsx';
import { activationRunOfView } from '../runner/runs.ts';
import type { SessionView } from '../runner/useTrainer.ts';
import { pairProbe } from '../series/index.ts';
import { NETS, RACE_SCHEMA, RECORD_EVERY, raceConfigs, type RaceValues } from './model.ts';
import { driftChart, errorChart, layersChart, lossChart, raceSummary, raceTable } from './view.ts';

interface Props extends IslandProps<RaceValues> {
  layersSvg?: ComponentChildren;
  errorSvg?: ComponentChildren;
  driftSvg?: ComponentChildren;
  lossSvg?: ComponentChildren;
}

const K = 'widget.introRace';
const hasLayers = (s: SessionView) => s.state.layers.length > 0;

export default function IntroRaceIsland({ figureId, lang, strings: s, initial, layersSvg, errorSvg, driftSvg, lossSvg }: Props) {
  const box = useRef<HTMLDivElement>(null);
  const width = useChartWidth(box, 640, 300, 760);
  const state = useFigureState(RACE_SCHEMA, figureId, initial);
  const v = state.values;
  const configs = useMemo(() => raceConfigs(v), [v.depth, v.seed]);
  const training = useTraining({ figureId, lang, strings: s, prefix: K, state }, configs, { ready: hasLayers });
  const { trainer, ready, version, theme } = training;

  // The summary is computed from the same snapshot as the charts (the runs copy the growing
  // arrays): it describes the step they show. Each chart is built inside its own draw (a
  // function for Chart), so a redraw is one chart per task, not all four in one.
  const fresh = useMemo(() => {
    if (!ready) return null;
    const nets = trainer.sessions.map((sv, i) => activationRunOfView(NETS[i].activation, sv));
    return {
      layers: () => layersChart(nets, s, theme, width),
      error: () => errorChart(nets, s, theme, width),
      drift: () => driftChart(nets, s, theme, width),
      loss: () => lossChart(nets, s, theme, width),
      summary: raceSummary(nets, v.depth, s, lang),
      table: raceTable(nets, s),
      probe: pairProbe(nets, trainer.generation, v.depth),
    };
  }, [version, theme, width, lang]);
  // While a new configuration starts in the worker, keep the last summary and test hooks
  // (the charts keep their last drawing by themselves).
  const last = useRef(fresh);
  if (fresh) last.current = fresh;
  const charts = fresh ?? last.current;

  const fmtInt = (x: number) => formatNumber(x, lang, 0);
  const playStrings = useMemo(() => ({ ...s, 'kit.play': s[`${K}.play`] }), [s]);

  return (
    <TrainingFigure
      training={training}
      seed={RACE_SCHEMA.seed}
      playFirst
      playStrings={playStrings}
      settings={<Slider label={tr(s, `${K}.depth`)} spec={RACE_SCHEMA.depth} value={v.depth} onChange={(x) => state.set('depth', x)} format={fmtInt} />}
      notes={<p class="ctl-note">{tr(s, `${K}.setup`, { width: fmtInt(configs[0].spec.sizes[1]), lr: formatNumber(configs[0].lr, lang, 3), clip: formatNumber(configs[0].clipNorm ?? NaN, lang, 2) })}</p>}
      stepBy={RECORD_EVERY}
      summary={charts?.summary ?? ''}
      data={charts?.table ?? null}
    >
      <div class="fig-grid" ref={box} {...(charts?.probe ?? {})}>
        <div>
          <Chart options={charts?.layers ?? null} fallback={layersSvg} primary />
          <p class="fig-note">{tr(s, `${K}.legend`)}</p>
        </div>
        <div><Chart options={charts?.loss ?? null} fallback={lossSvg} /></div>
        <div>
          <Chart options={charts?.error ?? null} fallback={errorSvg} />
          <p class="fig-note">{tr(s, `${K}.noteError`)}</p>
        </div>
        <div>
          <Chart options={charts?.drift ?? null} fallback={driftSvg} />
          <p class="fig-note">{tr(s, `${K}.noteDrift`)}</p>
        </div>
      </div>
    </TrainingFigure>
  );
}
