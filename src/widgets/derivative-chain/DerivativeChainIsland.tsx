import type { ComponentChildren } from 'preact';
import { useMemo, useRef } from 'preact/hooks';
import { Chart } from '../kit/Chart.tsx';
import { FigureShell, type IslandProps } from '../kit/FigureShell.tsx';
import { formatNumber } from '../kit/format.ts';
import { useChartWidth, useFigureState, useTheme } from '../kit/hooks.ts';
import { tr } from '../kit/strings.ts';
import { Slider } from '../controls/index.ts';
import { CHAIN_SCHEMA, type ChainValues } from './model.ts';
import { chainChart, chainSummary, chainTable, powerText } from './view.ts';

interface Props extends IslandProps<ChainValues> {
  chartSvg?: ComponentChildren;
}

export default function DerivativeChainIsland({ figureId, lang, strings: s, initial, chartSvg }: Props) {
  const state = useFigureState(CHAIN_SCHEMA, figureId, initial);
  const v = state.values;
  const theme = useTheme();
  const box = useRef<HTMLDivElement>(null);
  const width = useChartWidth(box, 640, 300, 760);
  const chart = useMemo(() => chainChart(v, s, lang, theme, width), [v.depth, theme, width]);
  const table = useMemo(() => chainTable(s, lang), []);
  const p = powerText(v.depth, lang);
  return (
    <FigureShell figureId={figureId} lang={lang} strings={s} summary={chainSummary(v, s, lang)} state={state} data={table}>
      <div class="fig-controls">
        <Slider label={tr(s, 'widget.derivativeChain.depth')} spec={CHAIN_SCHEMA.depth} value={v.depth} onChange={(x) => state.set('depth', x)} format={(x) => formatNumber(x, lang, 0)} />
        <p class="dc-readout" style="grid-column:span 2;margin:0;font-size:1.15rem;font-variant-numeric:tabular-nums;align-self:center">
          {tr(s, 'widget.derivativeChain.readout', { n: formatNumber(v.depth, lang, 0) })}{' '}
          <span style="white-space:nowrap">
            <strong data-value="power">
              {p.base}
              {p.exp}
            </strong>{' '}
            ≈ <strong data-value="value">{p.value}</strong>
          </span>
        </p>
      </div>
      <div ref={box}>
        <Chart options={chart} fallback={chartSvg} primary />
      </div>
    </FigureShell>
  );
}
