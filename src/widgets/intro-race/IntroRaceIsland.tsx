import type { ComponentChildren } from 'preact';
import { useMemo, useRef } from 'preact/hooks';
import type { Lang } from '../../i18n/index.ts';
import { Chart } from '../kit/Chart.tsx';
import { FigureShell } from '../kit/FigureShell.tsx';
import { formatNumber } from '../kit/format.ts';
import { useActive, useAutoplayOnce, useChartWidth, useFigureState, useReducedMotion, useTheme, useThrottled } from '../kit/hooks.ts';
import { tr, type Strings } from '../kit/strings.ts';
import { NumberInput, TrainerControls, Slider } from '../controls/index.ts';
import type { SessionView } from '../runner/useTrainer.ts';
import { useTrainer } from '../runner/useTrainer.ts';
import { NETS, RACE_SCHEMA, RECORD_EVERY, raceConfigs, type NetView, type RaceValues } from './model.ts';
import { driftChart, errorChart, layersChart, lossChart, raceSummary, raceTable } from './view.ts';
import { trainingAlert } from '../runner/alerts.ts';
import { diagnose, gradientRatio } from '../series/index.ts';

interface Props {
  figureId: string;
  lang: Lang;
  strings: Strings;
  initial: RaceValues;
  layersSvg?: ComponentChildren;
  errorSvg?: ComponentChildren;
  driftSvg?: ComponentChildren;
  lossSvg?: ComponentChildren;
}

/** Test hooks: the state the charts and the summary describe, as raw numbers. */
function probe(nets: NetView[], generation: number, depth: number) {
  const d = (n: NetView) => diagnose({ step: n.step, loss: n.loss, layers: n.layers, start: n.startLayers, diverged: n.diverged }, gradientRatio(n.layers));
  return { 'data-generation': generation, 'data-step': nets[0].step, 'data-depth': depth, 'data-diagnosis-sigmoid': d(nets[0]), 'data-diagnosis-relu': d(nets[1]), 'data-ratio0-sigmoid': gradientRatio(nets[0].startLayers), 'data-ratio0-relu': gradientRatio(nets[1].startLayers) };
}

function toView(sv: SessionView, i: number): NetView {
  const st = sv.state;
  return { activation: NETS[i].activation, step: st.step, loss: st.loss, initialLoss: st.initialLoss, layers: st.layers, startLayers: sv.records[0]?.layers ?? st.layers, losses: sv.losses.slice(), records: sv.records.slice(), diverged: st.diverged };
}

export default function IntroRaceIsland({ figureId, lang, strings: s, initial, layersSvg, errorSvg, driftSvg, lossSvg }: Props) {
  const root = useRef<HTMLDivElement>(null);
  const box = useRef<HTMLDivElement>(null);
  const width = useChartWidth(box, 640, 300, 760);
  const state = useFigureState(RACE_SCHEMA, figureId, initial);
  const v = state.values;
  const theme = useTheme();
  const reduced = useReducedMotion();
  const active = useActive(root);
  const configs = useMemo(() => raceConfigs(v), [v.depth, v.seed]);
  const trainer = useTrainer(configs, active);
  const ready = trainer.sessions.length === NETS.length && trainer.sessions.every((x) => x.state.layers.length > 0);

  useAutoplayOnce(ready, trainer.play);

  const nets = ready ? trainer.sessions.map(toView) : [];
  // Charts redraw at most about seven times a second, whenever the trainer has new data.
  const drawn = useThrottled(trainer.version, 150);
  // The summary is computed from the same snapshot as the charts: it describes the step they show.
  const fresh = useMemo(
    () => (ready ? { layers: layersChart(nets, s, theme, width), error: errorChart(nets, s, theme, width), drift: driftChart(nets, s, theme, width), loss: lossChart(nets, s, theme, width), summary: raceSummary(nets, v.depth, s, lang), table: raceTable(nets, s), probe: probe(nets, trainer.generation, v.depth) } : null),
    [drawn, theme, width, lang],
  );
  // While a new configuration starts in the worker, keep the last drawing rather than flash back to the static one.
  const last = useRef(fresh);
  if (fresh) last.current = fresh;
  const charts = fresh ?? last.current;

  const fmtInt = (x: number) => formatNumber(x, lang, 0);
  const playStrings = useMemo(() => ({ ...s, 'kit.play': s['widget.introRace.play'] }), [s]);

  return (
    <div ref={root}>
      <FigureShell
        lab={configs}
        figureId={figureId}
        lang={lang}
        strings={s}
        summary={charts?.summary ?? ''}
        state={state}
        alert={trainingAlert(trainer, s, lang)}
        data={charts?.table ?? { columns: [], rows: [] }}
      >
        <div class="fig-controls">
          <TrainerControls trainer={trainer} strings={playStrings} stepBy={RECORD_EVERY} format={fmtInt} />
          <Slider label={tr(s, 'widget.introRace.depth')} spec={RACE_SCHEMA.depth} value={v.depth} onChange={(x) => state.set('depth', x)} format={fmtInt} />
          <NumberInput label={tr(s, 'widget.introRace.seed')} spec={RACE_SCHEMA.seed} value={v.seed} onChange={(x) => state.set('seed', x)} strings={s} format={fmtInt} />
          <p class="ctl-note">{tr(s, 'widget.introRace.setup', { width: fmtInt(configs[0].spec.sizes[1]), lr: formatNumber(configs[0].lr, lang, 3), clip: formatNumber(configs[0].clipNorm ?? NaN, lang, 2) })}</p>
          {reduced && <p class="ctl-note">{tr(s, 'kit.reducedMotion')}</p>}
        </div>
        <div class="fig-grid" ref={box} {...(charts?.probe ?? {})}>
          <div>
            {charts ? <Chart options={charts.layers} primary /> : <div class="fig-chart">{layersSvg}</div>}
            <p class="fig-note">{tr(s, 'widget.introRace.legend')}</p>
          </div>
          <div>{charts ? <Chart options={charts.loss} /> : <div class="fig-chart">{lossSvg}</div>}</div>
          <div>
            {charts ? <Chart options={charts.error} /> : <div class="fig-chart">{errorSvg}</div>}
            <p class="fig-note">{tr(s, 'widget.introRace.noteError')}</p>
          </div>
          <div>
            {charts ? <Chart options={charts.drift} /> : <div class="fig-chart">{driftSvg}</div>}
            <p class="fig-note">{tr(s, 'widget.introRace.noteDrift')}</p>
          </div>
        </div>
      </FigureShell>
    </div>
  );
}
