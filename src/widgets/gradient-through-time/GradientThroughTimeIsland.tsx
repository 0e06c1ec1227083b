import type { ComponentChildren } from 'preact';
import { useMemo, useRef } from 'preact/hooks';
import { Chart } from '../kit/Chart.tsx';
import { FigureShell, type IslandProps } from '../kit/FigureShell.tsx';
import { formatNumber } from '../kit/format.ts';
import { useChartWidth, useFigureState, useTheme, useThrottled } from '../kit/hooks.ts';
import { tr } from '../kit/strings.ts';
import { NumberInput, Segmented, Select, Slider } from '../controls/index.ts';
import { GTT_SCHEMA, REC_INITS, gradientThroughTime, type GttValues } from './model.ts';
import { gttSummary, gttTable, throughTimeChart } from './view.ts';

interface Props extends IslandProps<GttValues> {
  chartSvg?: ComponentChildren;
}

export default function GradientThroughTimeIsland({ figureId, lang, strings: s, initial, chartSvg }: Props) {
  const state = useFigureState(GTT_SCHEMA, figureId, initial);
  const v = state.values;
  const theme = useTheme();
  const host = useRef<HTMLDivElement>(null);
  const width = useChartWidth(host, 640);
  // One backward pass through two 32-unit networks over 32 sequences: a few milliseconds,
  // but a held-down arrow key fires many, so the computation follows the settings at most every 60 ms.
  const key = useThrottled(JSON.stringify(v), 60);
  const result = useMemo(() => gradientThroughTime(JSON.parse(key) as GttValues), [key]);
  const options = useMemo(() => throughTimeChart(result, s, theme, width), [result, theme, width]);
  const fmtInt = (x: number) => formatNumber(x, lang, 0);
  const k = 'widget.gradientThroughTime';

  return (
    <FigureShell figureId={figureId} lang={lang} strings={s} summary={gttSummary(result, s, lang)} state={state} data={gttTable(result, s)}>
      <div class="fig-controls">
        <Slider label={tr(s, `${k}.steps`)} spec={GTT_SCHEMA.steps} value={v.steps} onChange={(x) => state.set('steps', x)} format={fmtInt} />
        <Segmented label={tr(s, `${k}.rnnActivation`)} value={v.rnnActivation} options={GTT_SCHEMA.rnnActivation.options.map((a) => ({ value: a, label: tr(s, `kit.act.${a}`) }))} onChange={(x) => state.set('rnnActivation', x)} />
        <Select label={tr(s, `${k}.recInit`)} value={v.recInit} options={REC_INITS.map((r) => ({ value: r, label: tr(s, `${k}.init.${r}`) }))} onChange={(x) => state.set('recInit', x)} />
        <Slider label={tr(s, `${k}.forgetBias`)} spec={GTT_SCHEMA.forgetBias} value={v.forgetBias} onChange={(x) => state.set('forgetBias', x)} format={(x) => formatNumber(x, lang, 1)} />
        <NumberInput label={tr(s, `${k}.seed`)} spec={GTT_SCHEMA.seed} value={v.seed} onChange={(x) => state.set('seed', x)} strings={s} lang={lang} format={fmtInt} />
        <p class="ctl-note">{tr(s, `${k}.note`)}</p>
      </div>
      <div class="fig-grid" ref={host}>
        <div>
          <Chart options={options} primary fallback={chartSvg} />
          <p class="fig-note">{tr(s, `${k}.readNote`)}</p>
        </div>
      </div>
    </FigureShell>
  );
}
