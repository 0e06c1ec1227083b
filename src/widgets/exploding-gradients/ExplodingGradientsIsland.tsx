import type { ComponentChildren } from 'preact';
import { useMemo, useRef } from 'preact/hooks';
import type { Lang } from '../../i18n/index.ts';
import { Chart } from '../kit/Chart.tsx';
import { FigureShell } from '../kit/FigureShell.tsx';
import { formatNumber, formatSci } from '../kit/format.ts';
import { useActive, useAutoplayOnce, useFigureState, useReducedMotion, useTheme, useThrottled } from '../kit/hooks.ts';
import { tr, type Strings } from '../kit/strings.ts';
import type { DataTable } from '../kit/table.ts';
import { NumberInput, Segmented, Select, Slider, TrainerControls } from '../controls/index.ts';
import { trainingAlert } from '../runner/alerts.ts';
import { useTrainer, type SessionView, type Trainer } from '../runner/useTrainer.ts';
import { ACTIVATIONS, BALANCED, CLIP_OPTIONS, EXPLODING_SCHEMA, LR_OPTIONS, RECORD_EVERY, RUNS, explodingConfigs, initialBound, type ExplodingValues, type RunName, type RunView } from './model.ts';
import { explodingSummary, explodingTable, gradNormChart, lossChart, profileChart } from './view.ts';

interface Props {
  figureId: string;
  lang: Lang;
  strings: Strings;
  initial: ExplodingValues;
  /** The build-time run's table, for "Show data" before the live run has data. */
  staticData: DataTable;
  /** Build-time SVGs, shown until the live charts are drawn (Astro named slots). */
  profileSvg?: ComponentChildren;
  lossSvg?: ComponentChildren;
  gradNormSvg?: ComponentChildren;
}

const K = 'widget.explodingGradients';

function toRun(run: RunName, v: SessionView): RunView {
  return { run, step: v.state.step, loss: v.state.loss, initialLoss: v.state.initialLoss, losses: v.losses, records: v.records, diverged: v.state.diverged };
}

/**
 * The alert for this pair: the unclipped run diverging is the expected outcome, so the
 * message names the run and says the clipped one carries on; Reset starts both again.
 */
function pairAlert(trainer: Trainer, runs: RunView[] | null, s: Strings, lang: Lang) {
  const hit = runs?.find((r) => r.diverged);
  if (trainer.error || !runs || !hit?.diverged) return trainingAlert(trainer, s, lang);
  const other = runs.find((r) => r !== hit)!;
  const key = other.diverged ? 'alert.both' : `alert.${hit.run}`;
  const reason = tr(s, `${K}.reason.${hit.diverged.reason}`, { loss: formatSci(hit.diverged.loss, lang) });
  return { message: tr(s, `${K}.${key}`, { step: formatNumber(hit.diverged.step, lang, 0), reason }), action: { label: tr(s, 'kit.reset'), run: trainer.reset } };
}

export default function ExplodingGradientsIsland({ figureId, lang, strings: s, initial, staticData, profileSvg, lossSvg, gradNormSvg }: Props) {
  const root = useRef<HTMLDivElement>(null);
  const state = useFigureState(EXPLODING_SCHEMA, figureId, initial);
  const v = state.values;
  const theme = useTheme();
  const reduced = useReducedMotion();
  const active = useActive(root);
  const configs = useMemo(() => explodingConfigs(v), [v]);
  const bound = useMemo(() => initialBound(v), [v.activation, v.scale, v.depth, v.seed]);
  const trainer = useTrainer(configs, active);
  const ready = trainer.sessions.length === RUNS.length && trainer.sessions.every((x) => x.records.length > 0);

  useAutoplayOnce(ready, trainer.play);

  const runs = ready ? RUNS.map((r, i) => toRun(r, trainer.sessions[i])) : null;
  // The trainer says when its data changed; charts redraw at most every 150 ms, each at the
  // width it has on screen. The profile depends only on the initial network.
  const version = useThrottled(trainer.version, 150);
  const profile = useMemo(() => (runs ? (w: number) => profileChart(runs, bound, s, theme, w) : null), [trainer.generation, ready, bound, theme]);
  const loss = useMemo(() => (runs ? (w: number) => lossChart(runs, v, s, theme, lang, w) : null), [version, ready, theme]);
  const gradNorm = useMemo(() => (runs ? (w: number) => gradNormChart(runs, v, s, theme, lang, w) : null), [version, ready, theme]);

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
    <div ref={root}>
      <FigureShell
        lab={configs}
        figureId={figureId}
        lang={lang}
        strings={s}
        summary={runs ? explodingSummary(runs, bound, v, s, lang) : ''}
        state={state}
        alert={pairAlert(trainer, runs, s, lang)}
        data={runs ? explodingTable(runs, bound, s) : { columns: [], rows: [] }}
        staticData={staticData}
      >
        <div class="fig-controls">
          <Segmented label={tr(s, `${K}.activation`)} value={v.activation} options={ACTIVATIONS.map((a) => ({ value: a, label: tr(s, `kit.act.${a}`) }))} onChange={(x) => state.set('activation', x)} />
          <Slider label={tr(s, `${K}.scale`)} spec={EXPLODING_SCHEMA.scale} value={v.scale} onChange={(x) => state.set('scale', x)} format={fmtScale} />
          <p class="ctl-note">{tr(s, `${K}.scaleNote`, { balanced: formatNumber(BALANCED[v.activation], lang, 2) })}</p>
          <Slider label={tr(s, `${K}.depth`)} spec={EXPLODING_SCHEMA.depth} value={v.depth} onChange={(x) => state.set('depth', x)} format={fmtInt} />
          <Select label={tr(s, `${K}.clip`)} value={v.clip} options={CLIP_OPTIONS.map((o) => ({ value: o, label: formatNumber(Number(o), lang, 2) }))} onChange={(x) => state.set('clip', x)} />
          <Select label={tr(s, `${K}.lr`)} value={v.lr} options={LR_OPTIONS.map((o) => ({ value: o, label: formatNumber(Number(o), lang, 3) }))} onChange={(x) => state.set('lr', x)} />
          <NumberInput label={tr(s, `${K}.seed`)} spec={EXPLODING_SCHEMA.seed} value={v.seed} onChange={(x) => state.set('seed', x)} strings={s} lang={lang} format={fmtInt} />
          <TrainerControls trainer={controls} strings={s} stepBy={RECORD_EVERY} format={fmtInt} />
          <p class="ctl-note">{tr(s, `${K}.same`)}</p>
          {reduced && <p class="ctl-note">{tr(s, 'kit.reducedMotion')}</p>}
        </div>
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
      </FigureShell>
    </div>
  );
}
