import type { ComponentChildren } from 'preact';
import { useMemo, useRef } from 'preact/hooks';
import type { Lang } from '../../i18n/index.ts';
import { Chart } from '../kit/Chart.tsx';
import { FigureShell } from '../kit/FigureShell.tsx';
import { trainingAlert } from '../runner/alerts.ts';
import { formatNumber } from '../kit/format.ts';
import { useActive, useAutoplayOnce, useChartWidth, useFigureState, useReducedMotion, useTheme, useThrottled } from '../kit/hooks.ts';
import { tr, type Strings } from '../kit/strings.ts';
import type { DataTable } from '../kit/table.ts';
import { NumberInput, Select, Slider, TrainerControls } from '../controls/index.ts';
import { isSequenceRecord } from '../runner/sequenceSession.ts';
import { useTrainer, type SessionView } from '../runner/useTrainer.ts';
import { ADD_CELLS, ADD_LR, ADD_SCHEMA, BASELINE, RECORD_EVERY, addConfigs, type AddCell, type AddRun, type AddValues } from './model.ts';
import { addSummary, addTable, hiddenChart, lossChart } from './view.ts';

interface Props {
  figureId: string;
  lang: Lang;
  strings: Strings;
  initial: AddValues;
  /** The build-time table, for readers without JavaScript. */
  staticData?: DataTable;
  lossSvg?: ComponentChildren;
  hiddenSvg?: ComponentChildren;
}

function toRun(cell: AddCell, v: SessionView): AddRun {
  const records = v.records.filter(isSequenceRecord);
  const baseline = records[0]?.baseline ?? BASELINE;
  return {
    cell,
    step: v.state.step,
    testLoss: v.state.testLoss,
    initialTestLoss: v.state.initialLoss,
    baseline,
    records,
    diverged: v.state.diverged,
  };
}

export default function AddingProblemIsland({ figureId, lang, strings: s, initial, staticData, lossSvg, hiddenSvg }: Props) {
  const root = useRef<HTMLDivElement>(null);
  const state = useFigureState(ADD_SCHEMA, figureId, initial);
  const v = state.values;
  const theme = useTheme();
  const reduced = useReducedMotion();
  const active = useActive(root);
  const configs = useMemo(() => addConfigs(v), [v]);
  const trainer = useTrainer(configs, active);
  const ready = trainer.sessions.length === ADD_CELLS.length && trainer.sessions.every((x) => x.records.length > 0);
  useAutoplayOnce(ready, trainer.play);
  const runs = ready ? ADD_CELLS.map((c, i) => toRun(c, trainer.sessions[i])) : null;

  const grid = useRef<HTMLDivElement>(null);
  const width = useChartWidth(grid, 640);
  const records = trainer.sessions[0]?.records.length ?? 0;
  const key = useThrottled(`${trainer.generation}|${JSON.stringify(v)}|${records}|${ready ? 1 : 0}`, 250);
  const loss = useMemo(() => (runs ? lossChart(runs, s, theme, width) : null), [key, theme, width]);
  const hidden = useMemo(() => (runs ? hiddenChart(runs, s, theme, width) : null), [key, theme, width]);

  const fmtInt = (x: number) => formatNumber(x, lang, 0);
  const k = 'widget.addingProblem';

  return (
    <div ref={root}>
      <FigureShell
        figureId={figureId}
        lang={lang}
        strings={s}
        summary={runs ? addSummary(runs, v.steps, s, lang) : ''}
        state={state}
        alert={trainingAlert(trainer, s, lang)}
        staticData={staticData}
        data={runs ? addTable(runs, s) : { columns: [], rows: [] }}
      >
        <div class="fig-controls">
          <Slider label={tr(s, `${k}.steps`)} spec={ADD_SCHEMA.steps} value={v.steps} onChange={(x) => state.set('steps', x)} format={fmtInt} />
          <Select label={tr(s, `${k}.lr`)} value={v.lr} options={ADD_LR.map((o) => ({ value: o, label: formatNumber(Number(o), lang, 3) }))} onChange={(x) => state.set('lr', x)} />
          <NumberInput label={tr(s, `${k}.seed`)} spec={ADD_SCHEMA.seed} value={v.seed} onChange={(x) => state.set('seed', x)} strings={s} lang={lang} format={fmtInt} />
          <TrainerControls trainer={trainer} strings={s} stepBy={RECORD_EVERY} format={fmtInt} />
          <p class="ctl-note">{tr(s, `${k}.same`)}</p>
          {reduced && <p class="ctl-note">{tr(s, 'kit.reducedMotion')}</p>}
        </div>
        <div class="fig-grid" ref={grid}>
          <div>{loss ? <Chart options={loss} primary /> : <div class="fig-chart">{lossSvg}</div>}</div>
          <div>
            {hidden ? <Chart options={hidden} /> : <div class="fig-chart">{hiddenSvg}</div>}
            <p class="fig-note">{tr(s, `${k}.hiddenNote`)}</p>
          </div>
        </div>
      </FigureShell>
    </div>
  );
}
