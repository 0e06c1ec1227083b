import type { ComponentChildren } from 'preact';
import { useMemo, useRef, useState } from 'preact/hooks';
import { useChartWidth, useFigureState, useTheme } from '../kit/hooks.ts';
import { Chart } from '../kit/Chart.tsx';
import { FigureShell, type IslandProps } from '../kit/FigureShell.tsx';
import { formatNumber } from '../kit/format.ts';
import { tr } from '../kit/strings.ts';
import type { Values } from '../kit/params.ts';
import { Select, Slider, Stepper } from '../controls/index.ts';
import { EXAMPLE_SETTINGS, forwardPass, PARAMS, paramSymbol, subscript as sub } from '../worked-example/example.ts';
import { paramLabel } from '../worked-example/notation.ts';
import { FORWARD_SCHEMA, STEPS } from './model.ts';
import { forwardChart, forwardSummary, forwardTable, matrixView, stepLabel } from './view.ts';
import { MatrixViewPanel } from './MatrixView.tsx';

type FwdValues = Values<typeof FORWARD_SCHEMA>;
type NumSpec = { kind: 'number'; min: number; max: number; step: number; default: number };

interface Props extends IslandProps<FwdValues> {
  networkSvg?: ComponentChildren;
}

export default function ForwardPassIsland({ figureId, lang, strings: s, initial, networkSvg }: Props) {
  const state = useFigureState(FORWARD_SCHEMA, figureId, initial);
  const v = state.values as Record<string, number | string>;
  const theme = useTheme();
  const [step, setStep] = useState(0);
  const box = useRef<HTMLDivElement>(null);
  const width = useChartWidth(box, 720, 280, 880, 40);
  const result = useMemo(() => forwardPass(v), [state.values]);
  const chart = useMemo(() => forwardChart(result, step, s, theme, lang, width), [result, step, theme, width]);
  const mv = matrixView(result, step, lang);
  const sel = PARAMS.find((p) => p.key === v.sel) ?? PARAMS[0];
  const selSpec = (FORWARD_SCHEMA as unknown as Record<string, NumSpec>)[sel.key];
  const f2 = (x: number) => formatNumber(x, lang, 2);
  const isExample = Object.entries(EXAMPLE_SETTINGS).every(([k, x]) => Number(v[k]) === x);

  return (
    <FigureShell
      figureId={figureId}
      lang={lang}
      strings={s}
      summary={forwardSummary(result, step, s, lang)}
      state={state}
      data={forwardTable(result, v, s)}
    >
      <div class="fig-controls">
        <Slider label={tr(s, 'widget.forwardPass.input', { i: sub(1) })} spec={FORWARD_SCHEMA.x1} value={Number(v.x1)} onChange={(x) => state.set('x1', x)} format={f2} />
        <Slider label={tr(s, 'widget.forwardPass.input', { i: sub(2) })} spec={FORWARD_SCHEMA.x2} value={Number(v.x2)} onChange={(x) => state.set('x2', x)} format={f2} />
        <Select
          label={tr(s, 'widget.forwardPass.choose')}
          value={sel.key}
          options={PARAMS.map((p) => ({ value: p.key, label: paramLabel(p, s) }))}
          onChange={(x) => state.set('sel', x)}
        />
        <Slider
          label={tr(s, 'widget.forwardPass.valueOf', { name: paramSymbol(sel) })}
          spec={selSpec}
          value={Number(v[sel.key])}
          onChange={(x) => state.setMany({ [sel.key]: x } as Partial<FwdValues>)}
          format={f2}
        />
        <Stepper
          label={tr(s, 'widget.forwardPass.order')}
          moves={[
            { label: tr(s, 'widget.workedExample.back'), onPress: () => setStep((k) => Math.max(0, k - 1)), disabled: step === 0 },
            { label: tr(s, 'widget.forwardPass.next'), onPress: () => setStep((k) => Math.min(STEPS, k + 1)), disabled: step === STEPS, primary: true },
          ]}
          resetLabel={tr(s, 'kit.reset')}
          onReset={() => setStep(0)}
          resetDisabled={step === 0}
          counter={stepLabel(step, s, lang)}
        >
          <button type="button" class="btn btn--small" disabled={isExample} onClick={() => state.setMany(EXAMPLE_SETTINGS as Partial<FwdValues>)}>
            {tr(s, 'widget.forwardPass.restore')}
          </button>
        </Stepper>
      </div>
      <div ref={box}>
        <Chart options={chart} fallback={networkSvg} primary />
      </div>
      <MatrixViewPanel view={mv} summary={tr(s, 'widget.forwardPass.matrix')} />
    </FigureShell>
  );
}
