import type { ComponentChildren } from 'preact';
import { useEffect, useMemo, useRef } from 'preact/hooks';
import type { IslandProps } from '../kit/FigureShell.tsx';
import { Chart } from '../kit/Chart.tsx';
import { formatNumber, formatSci } from '../kit/format.ts';
import { useChartWidth, useFigureState } from '../kit/hooks.ts';
import { SteadyText } from '../kit/SteadyText.tsx';
import { tr } from '../kit/strings.ts';
import type { DataTable } from '../kit/table.ts';
import { NumberInput, Segmented, Select, Slider } from '../controls/index.ts';
import { TrainingFigure, useTraining } from '../controls/TrainingFigure.tsx';
import { isSequenceRecord } from '../runner/sequenceRecords.ts';
import type { SessionView } from '../runner/useTrainer.ts';
import { SEQ_CELLS, SEQ_INITS, SEQ_LAB_SCHEMA, SEQ_RECORD_EVERY, SEQ_REC_INITS, seqCells, seqLabConfigs, type SeqCell, type SeqLabValues, type SeqRun } from './model.ts';
import { seqCharts, seqStatusLine, seqSummary, seqTable } from './view.ts';

interface Props extends IslandProps<SeqLabValues> {
  staticData?: DataTable;
  lossSvg?: ComponentChildren;
  throughTimeSvg?: ComponentChildren;
}

const K = 'widget.sequenceLab';
/** "Skip ahead": trained without drawing in between (one step message to the worker). */
const SKIP = 500;

function toRun(cell: SeqCell, v: SessionView): SeqRun {
  const records = v.records.filter(isSequenceRecord);
  return { cell, step: v.state.step, testLoss: v.state.testLoss, baseline: records[0]?.baseline ?? NaN, records, diverged: v.state.diverged };
}

/** A group of settings as a disclosure: open on wide screens, closed on phones so the charts come first. */
function Group({ title, children }: { title: string; children: ComponentChildren }) {
  const ref = useRef<HTMLDetailsElement>(null);
  useEffect(() => {
    if (ref.current && matchMedia('(min-width: 48rem)').matches) ref.current.open = true;
  }, []);
  return (
    <details class="lab-section seq-lab__group" ref={ref}>
      <summary>{title}</summary>
      <div class="lab-section__body seq-lab__body">{children}</div>
    </details>
  );
}

export default function SequenceLabIsland({ figureId, lang, strings: s, initial, staticData, lossSvg, throughTimeSvg }: Props) {
  const state = useFigureState(SEQ_LAB_SCHEMA, figureId, initial);
  const v = state.values;
  const configs = useMemo(() => seqLabConfigs(v), [v]);
  const cells = seqCells(v.cells);
  const training = useTraining({ figureId, lang, strings: s, prefix: K, state }, configs, { redrawMs: 250 });
  const { trainer, ready, version, theme } = training;
  const runs = ready && trainer.sessions.length === cells.length ? cells.map((c, i) => toRun(c, trainer.sessions[i])) : null;

  const grid = useRef<HTMLDivElement>(null);
  const width = useChartWidth(grid, 640);
  const charts = useMemo(() => (runs ? seqCharts(runs, v.task, s, theme, lang, width) : null), [version, ready, theme, width, v.task]);
  const status = runs ? seqStatusLine(runs, s, lang) : null;

  const int = (x: number) => formatNumber(x, lang, 0);
  const num = (d: number) => (x: number) => formatNumber(x, lang, d);
  const sci = (x: number) => (x < 0.01 ? formatSci(x, lang, 2) : formatNumber(x, lang, x < 0.1 ? 4 : 3));
  const lbl = (k: string) => tr(s, `${K}.${k}`);
  const opts = <T extends string>(group: string, values: readonly T[]) => values.map((o) => ({ value: o, label: lbl(`${group}.${o}`) }));
  const field = (name: 'steps' | 'hidden' | 'batch', format = int) => (
    <NumberInput label={lbl(name)} spec={SEQ_LAB_SCHEMA[name]} value={v[name]} onChange={(x) => state.set(name, x)} strings={s} lang={lang} format={format} />
  );
  const hasRnn = v.cells !== 'lstm';
  const hasLstm = v.cells !== 'rnn';

  return (
    <TrainingFigure
      training={training}
      seed={SEQ_LAB_SCHEMA.seed}
      stepBy={SEQ_RECORD_EVERY}
      settings={
        <>
          <Group title={lbl('group.task')}>
            <Segmented label={lbl('task')} value={v.task} options={opts('task', SEQ_LAB_SCHEMA.task.options)} onChange={(x) => state.set('task', x)} />
            {field('steps')}
            <Select label={lbl('cells')} value={v.cells} options={opts('cells', SEQ_CELLS)} onChange={(x) => state.set('cells', x)} />
          </Group>
          <Group title={lbl('group.network')}>
            {field('hidden')}
            {hasRnn && <Segmented label={lbl('activation')} value={v.activation} options={opts('activation', SEQ_LAB_SCHEMA.activation.options)} onChange={(x) => state.set('activation', x)} />}
            <Select label={lbl('init')} value={v.init} options={opts('initName', SEQ_INITS)} onChange={(x) => state.set('init', x)} />
            {v.init === 'normal' && <NumberInput label={lbl('initStd')} spec={SEQ_LAB_SCHEMA.initStd} value={v.initStd} onChange={(x) => state.set('initStd', x)} strings={s} lang={lang} format={num(3)} />}
            <Select label={lbl('recInit')} value={v.recInit} options={opts('initName', SEQ_REC_INITS)} onChange={(x) => state.set('recInit', x)} />
            {(v.recInit === 'orthogonal' || v.recInit === 'normal') && (
              <Slider label={lbl('recGain')} spec={SEQ_LAB_SCHEMA.recGain} value={v.recGain} onChange={(x) => state.set('recGain', x)} format={num(2)} />
            )}
            {hasLstm && <Slider label={lbl('forgetBias')} spec={SEQ_LAB_SCHEMA.forgetBias} value={v.forgetBias} onChange={(x) => state.set('forgetBias', x)} format={num(1)} />}
          </Group>
          <Group title={lbl('group.training')}>
            <Select label={lbl('optimizer')} value={v.optimizer} options={opts('optimizerName', SEQ_LAB_SCHEMA.optimizer.options)} onChange={(x) => state.set('optimizer', x)} />
            <Slider label={lbl('lr')} spec={SEQ_LAB_SCHEMA.lr} value={v.lr} onChange={(x) => state.set('lr', x)} format={sci} log />
            {field('batch')}
            <NumberInput label={lbl('clip')} spec={SEQ_LAB_SCHEMA.clip} value={v.clip} onChange={(x) => state.set('clip', x)} strings={s} lang={lang} format={num(2)} />
          </Group>
        </>
      }
      notes={
        <>
          <div class="ctl lab-skip">
            <button type="button" class="btn" disabled={!trainer.canRun || trainer.playing} onClick={() => trainer.step(SKIP)}>
              {tr(s, `${K}.skip`, { n: int(SKIP) })}
            </button>
          </div>
          <p class="ctl-note">{lbl(v.cells === 'both' ? 'sameBoth' : 'sameOne')}</p>
        </>
      }
      summary={runs ? seqSummary(runs, v.task, v.steps, s, lang) : ''}
      data={runs ? seqTable(runs, s) : null}
      staticData={staticData}
    >
      <SteadyText class="seq-lab__status" data-status={status?.statuses.join(' ')}>{status?.text ?? lbl('waiting')}</SteadyText>
      <div class="fig-grid" ref={grid}>
        <div><Chart options={charts?.throughTime ?? null} fallback={throughTimeSvg} primary /></div>
        <div><Chart options={charts?.loss ?? null} fallback={lossSvg} /></div>
        {charts?.accuracy && <div><Chart options={charts.accuracy} /></div>}
      </div>
    </TrainingFigure>
  );
}
