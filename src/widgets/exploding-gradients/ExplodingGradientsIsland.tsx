import type { ComponentChildren } from 'preact';
import { useMemo } from 'preact/hooks';
import type { Lang } from '../../i18n/index.ts';
import type { IslandProps } from '../kit/FigureShell.tsx';
import { Chart } from '../kit/Chart.tsx';
import { formatNumber, formatSci } from '../kit/format.ts';
import { useFigureState } from '../kit/hooks.ts';
import { tr, type Strings } from '../kit/strings.ts';
import type { DataTable } from '../kit/table.ts';
import { Segmented, Select, Slider } from '../controls/index.ts';
import { TrainingFigure, useTraining } from '../controls/TrainingFigure.tsx';
import { trainingAlert } from '../runner/alerts.ts';
import { runOfView } from '../runner/runs.ts';
import type { Trainer } from '../runner/useTrainer.ts';
import { ACTIVATIONS, BALANCED, CLIP_OPTIONS, EXPLODING_SCHEMA, LR_OPTIONS, RECORD_EVERY, RUNS, explodingConfigs, initialBound, type ExplodingValues, type ExplodingRun } from './model.ts';
import { explodingSummary, explodingTable, gradNormChart, lossChart, profileChart } from './view.ts';

interface Props extends IslandProps<ExplodingValues> {
  /** The build-time run's table, for "Show data" before the live run has data. */
  staticData: DataTable;
  /** Build-time SVGs, shown until the live charts are drawn (Astro named slots). */
  profileSvg?: ComponentChildren;
  lossSvg?: ComponentChildren;
  gradNormSvg?: ComponentChildren;
}

const K = 'widget.explodingGradients';

/**
 * The alert for this pair: the unclipped run diverging is the expected outcome, so the
 * message names the run and says the clipped one carries on; Reset starts both again.
 */
function pairAlert(trainer: Trainer, runs: ExplodingRun[] | null, s: Strings, lang: Lang) {
  const hit = runs?.find((r) => r.diverged);
  if (trainer.error || !runs || !hit?.diverged) return trainingAlert(trainer, s, lang);
  const other = runs.find((r) => r !== hit)!;
  const key = other.diverged ? 'alert.both' : `alert.${hit.run}`;
  const reason = tr(s, `${K}.reason.${hit.diverged.reason}`, { loss: formatSci(hit.diverged.loss, lang) });
  return { message: tr(s, `${K}.${key}`, { step: formatNumber(hit.diverged.step, lang, 0), reason }), action: { label: tr(s, 'kit.reset'), run: trainer.reset } };
}

export default function ExplodingGradientsIsland({ figureId, lang, strings: s, initial, staticData, profileSvg, lossSvg, gradNormSvg }: Props) {
  const state = useFigureState(EXPLODING_SCHEMA, figureId, initial);
  const v = state.values;
  const configs = useMemo(() => explodingConfigs(v), [v]);
  const bound = useMemo(() => initialBound(v), [v.activation, v.scale, v.depth, v.seed]);
  const training = useTraining({ figureId, lang, strings: s, prefix: K, state }, configs);
  const { trainer, ready, version, theme } = training;

  const runs = ready ? RUNS.map((r, i) => runOfView(r, trainer.sessions[i])) : null;
  // Charts redraw with the trainer's data, each at the width it has on screen. The profile
  // depends only on the initial network.
  const profile = useMemo(() => (runs ? (w: number) => profileChart(runs, bound, s, theme, w) : null), [trainer.generation, ready, bound, theme]);
  const loss = useMemo(() => (runs ? (w: number) => lossChart(runs, v, s, theme, lang, w) : null), [version, ready, theme]);
  const gradNorm = useMemo(() => (runs ? (w: number) => gradNormChart(runs, v, s, theme, lang, w) : null), [version, ready, theme]);
  // The summary and the table follow the charts' redraws, not every re-render of the controls.
  const text = useMemo(() => (runs ? { summary: explodingSummary(runs, bound, v, s, lang), table: explodingTable(runs, bound, s) } : null), [version, ready, bound, lang]);

  // The counter and the buttons follow the run that is still going: after the unclipped run
  // diverges, the clipped one trains on and can be paused, stepped and resumed.
  const controls: Trainer = {
    ...trainer,
    stepCount: Math.max(0, ...trainer.sessions.map((x) => x.state.step)),
    canRun: trainer.sessions.some((x) => !x.state.diverged && !x.state.finished),
  };
  const fmtInt = (x: number) => formatNumber(x, lang, 0);
  const fmtScale = (x: number) => formatNumber(x, lang, 1);

  return (
    <TrainingFigure
      training={training}
      seed={EXPLODING_SCHEMA.seed}
      settings={
        <>
          <Segmented label={tr(s, `${K}.activation`)} value={v.activation} options={ACTIVATIONS.map((a) => ({ value: a, label: tr(s, `kit.act.${a}`) }))} onChange={(x) => state.set('activation', x)} />
          <Slider label={tr(s, `${K}.scale`)} spec={EXPLODING_SCHEMA.scale} value={v.scale} onChange={(x) => state.set('scale', x)} format={fmtScale} />
          <p class="ctl-note">{tr(s, `${K}.scaleNote`, { balanced: formatNumber(BALANCED[v.activation], lang, 2) })}</p>
          <Slider label={tr(s, `${K}.depth`)} spec={EXPLODING_SCHEMA.depth} value={v.depth} onChange={(x) => state.set('depth', x)} format={fmtInt} />
          <Select label={tr(s, `${K}.clip`)} value={v.clip} options={CLIP_OPTIONS.map((o) => ({ value: o, label: formatNumber(Number(o), lang, 2) }))} onChange={(x) => state.set('clip', x)} />
          <Select label={tr(s, `${K}.lr`)} value={v.lr} options={LR_OPTIONS.map((o) => ({ value: o, label: formatNumber(Number(o), lang, 3) }))} onChange={(x) => state.set('lr', x)} />
        </>
      }
      notes={<p class="ctl-note">{tr(s, `${K}.same`)}</p>}
      stepBy={RECORD_EVERY}
      controls={controls}
      alert={pairAlert(trainer, runs, s, lang)}
      summary={text?.summary ?? ''}
      data={text?.table ?? null}
      staticData={staticData}
    >
      <div class="fig-grid">
        <div>
          <Chart options={profile} fallback={profileSvg} />
          <p class="fig-note">{tr(s, `${K}.profileNote`)}</p>
        </div>
        <Chart options={loss} fallback={lossSvg} primary />
        <div>
          <Chart options={gradNorm} fallback={gradNormSvg} />
          <p class="fig-note">{tr(s, `${K}.gradNormNote`)}</p>
        </div>
      </div>
    </TrainingFigure>
  );
}
