import { useState } from 'preact/hooks';
import { tr, type Strings } from '../kit/strings.ts';
import { toCsv } from '../kit/table.ts';
import type { SessionConfig } from '../runner/session.ts';
import { historyJson, historyTable, type LabView } from './model.ts';
import { Section } from './Section.tsx';
import { LAB_ID, type LabPoint, type LabValues } from './settings.ts';

interface Props {
  strings: Strings;
  view: () => LabView;
  settings: LabValues;
  config: SessionConfig;
  points: readonly LabPoint[];
}

/** The default steps of the exported script: what the reader trained, or 1000. */
const scriptSteps = (step: number) => (step > 0 ? step : 1000);

/** Whole-history CSV and JSON (every step's loss, every record's per-layer series, the settings) and the PyTorch script. */
export function ExportPanel({ strings: s, view, settings, config, points }: Props) {
  const [error, setError] = useState('');
  const meta = () => ({ figure: LAB_ID, url: location.href, generated: new Date().toISOString() });
  // The exporters and the script generator are loaded on the first click: most readers never ask.
  const download = async (name: string, blob: Blob) => (await import('../kit/export.ts')).download(name, blob);
  const csv = () => {
    const v = view();
    const header = `# ${tr(s, 'widget.lab.title')}: ${location.href}\n`;
    download('lab-history.csv', new Blob([header + toCsv(historyTable(v))], { type: 'text/csv' }));
  };
  const json = () => download('lab-history.json', new Blob([historyJson(view(), settings, config, points, meta())], { type: 'application/json' }));
  const torch = async () => {
    try {
      const { pytorchScript } = await import('../runner/pytorch.ts');
      const text = pytorchScript(config, { steps: scriptSteps(view().step), title: tr(s, 'widget.lab.title'), source: location.href });
      setError('');
      await download('lab_experiment.py', new Blob([text], { type: 'text/x-python' }));
    } catch (err) {
      setError(tr(s, 'widget.lab.torchError', { message: err instanceof Error ? err.message : String(err) }));
    }
  };
  return (
    <Section id="export" title={tr(s, 'widget.lab.section.export')}>
      <div class="ctl lab-export">
        <button type="button" class="btn btn--small" onClick={csv}>{tr(s, 'widget.lab.export.csv')}</button>
        <button type="button" class="btn btn--small" onClick={json}>{tr(s, 'widget.lab.export.json')}</button>
        <button type="button" class="btn btn--small" onClick={torch}>{tr(s, 'widget.lab.export.torch')}</button>
        <p class="ctl-note">{tr(s, 'widget.lab.export.torchHelp')}</p>
        <p class="ctl-message" role="status">{error}</p>
      </div>
    </Section>
  );
}
