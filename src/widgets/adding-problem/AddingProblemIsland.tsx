import type { ComponentChildren } from 'preact';
import { useMemo, useRef } from 'preact/hooks';
import type { IslandProps } from '../kit/FigureShell.tsx';
import { Chart } from '../kit/Chart.tsx';
import { formatNumber } from '../kit/format.ts';
import { useChartWidth, useFigureState } from '../kit/hooks.ts';
import { tr } from '../kit/strings.ts';
import type { DataTable } from '../kit/table.ts';
import { Select, Slider } from '../controls/index.ts';
import { TrainingFigure, useTraining } from '../controls/TrainingFigure.tsx';
import { isSequenceRecord } from '../runner/sequenceRecords.ts';
import { sequenceLabHref } from '../runner/sequenceLab.ts';
import type { SessionView } from '../runner/useTrainer.ts';
import { ADD_CELLS, ADD_LR, ADD_SCHEMA, BASELINE, RECORD_EVERY, addConfigs, type AddCell, type AddRun, type AddValues } from './model.ts';
import { addSummary, addTable, hiddenChart, lossChart } from './view.ts';

interface Props extends IslandProps<AddValues> {
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

const K = 'widget.addingProblem';

export default function AddingProblemIsland({ figureId, lang, strings: s, initial, staticData, lossSvg, hiddenSvg }: Props) {
  const state = useFigureState(ADD_SCHEMA, figureId, initial);
  const v = state.values;
  const configs = useMemo(() => addConfigs(v), [v]);
  const training = useTraining({ figureId, lang, strings: s, prefix: K, state }, configs, { redrawMs: 250 });
  const { trainer, ready, version, theme } = training;
  const runs = ready ? ADD_CELLS.map((c, i) => toRun(c, trainer.sessions[i])) : null;

  const grid = useRef<HTMLDivElement>(null);
  const width = useChartWidth(grid, 640);
  // Each chart is built inside its own draw (a function for Chart): one chart per task.
  const loss = useMemo(() => (runs ? () => lossChart(runs, s, theme, width) : null), [version, ready, theme, width]);
  const hidden = useMemo(() => (runs ? () => hiddenChart(runs, s, theme, width) : null), [version, ready, theme, width]);
  // The summary and the table follow the charts' redraws, not every re-render of the controls.
  const text = useMemo(() => (runs ? { summary: addSummary(runs, v.steps, s, lang), table: addTable(runs, s) } : null), [version, ready, lang]);

  const fmtInt = (x: number) => formatNumber(x, lang, 0);

  return (
    <TrainingFigure
      training={training}
      seed={ADD_SCHEMA.seed}
      settings={
        <>
          <Slider label={tr(s, `${K}.steps`)} spec={ADD_SCHEMA.steps} value={v.steps} onChange={(x) => state.set('steps', x)} format={fmtInt} />
          <Select label={tr(s, `${K}.lr`)} value={v.lr} options={ADD_LR.map((o) => ({ value: o, label: formatNumber(Number(o), lang, 3) }))} onChange={(x) => state.set('lr', x)} />
        </>
      }
      notes={<p class="ctl-note">{tr(s, `${K}.same`)}</p>}
      stepBy={RECORD_EVERY}
      summary={text?.summary ?? ''}
      data={text?.table ?? null}
      staticData={staticData}
      labHref={sequenceLabHref(lang, configs)}
    >
      <div class="fig-grid" ref={grid}>
        <div><Chart options={loss} fallback={lossSvg} primary /></div>
        <div>
          <Chart options={hidden} fallback={hiddenSvg} />
          <p class="fig-note">{tr(s, `${K}.hiddenNote`)}</p>
        </div>
      </div>
    </TrainingFigure>
  );
}
