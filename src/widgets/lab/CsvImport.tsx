import { useId, useState } from 'preact/hooks';
import type { Lang } from '../../i18n/index.ts';
import { formatNumber } from '../kit/format.ts';
import { tr, type Strings } from '../kit/strings.ts';
import { CSV_MAX_CHARS, CSV_MAX_POINTS, parseCsv, type CsvResult } from './csv.ts';
import type { LabPoint } from './settings.ts';

interface Props {
  strings: Strings;
  lang: Lang;
  points: readonly LabPoint[];
  onPoints(points: LabPoint[]): void;
}

/** What an import did, as sentences: how many points came in, which rows were skipped and why. */
export function csvMessages(r: CsvResult, s: Strings, lang: Lang): string[] {
  const n = (x: number) => formatNumber(x, lang, 0);
  if (r.tooLong) return [tr(s, 'widget.lab.csv.tooLong', { max: n(CSV_MAX_CHARS) })];
  const out = [tr(s, 'widget.lab.csv.added', { n: n(r.points.length) })];
  for (const p of r.problems) out.push(tr(s, `widget.lab.csv.bad.${p.reason}`, { line: n(p.line) }));
  if (r.problemCount > r.problems.length) out.push(tr(s, 'widget.lab.csv.moreBad', { n: n(r.problemCount - r.problems.length) }));
  if (r.overLimit > 0) out.push(tr(s, 'widget.lab.csv.overLimit', { n: n(r.overLimit), max: n(CSV_MAX_POINTS) }));
  return out;
}

/** Points from CSV (x, y, label), pasted or from a file; validated row by row. */
export function CsvImport({ strings: s, lang, points, onPoints }: Props) {
  const id = useId();
  const [text, setText] = useState('');
  const [messages, setMessages] = useState<string[]>([]);
  const load = (raw: string, replace: boolean) => {
    const r = parseCsv(raw, replace ? 0 : points.length);
    setMessages(csvMessages(r, s, lang));
    if (!r.tooLong && r.points.length) onPoints(replace ? r.points : [...points, ...r.points]);
  };
  return (
    <div class="ctl lab-csv">
      <label for={`${id}-text`}>{tr(s, 'widget.lab.csv.label')}</label>
      <textarea id={`${id}-text`} rows={4} spellcheck={false} placeholder="x,y,label" value={text} onInput={(e) => setText((e.currentTarget as HTMLTextAreaElement).value)} aria-describedby={`${id}-help`} />
      <p id={`${id}-help`} class="ctl-message">{tr(s, 'widget.lab.csv.help', { max: formatNumber(CSV_MAX_POINTS, lang, 0) })}</p>
      <div class="lab-csv__buttons">
        <button type="button" class="btn btn--small" onClick={() => load(text, false)}>{tr(s, 'widget.lab.csv.add')}</button>
        <button type="button" class="btn btn--small" onClick={() => load(text, true)}>{tr(s, 'widget.lab.csv.replace')}</button>
        <label class="btn btn--small lab-csv__file">
          {tr(s, 'widget.lab.csv.file')}
          <input
            type="file"
            accept=".csv,text/csv,text/plain"
            class="visually-hidden"
            onChange={async (e) => {
              const input = e.currentTarget as HTMLInputElement;
              const file = input.files?.[0];
              input.value = '';
              if (!file) return;
              if (file.size > CSV_MAX_CHARS * 4) return setMessages([tr(s, 'widget.lab.csv.tooLong', { max: formatNumber(CSV_MAX_CHARS, lang, 0) })]);
              load(await file.text(), true);
            }}
          />
        </label>
      </div>
      <div class="lab-csv__messages" role="status">
        {messages.length > 0 && <ul>{messages.map((m, i) => <li key={i}>{m}</li>)}</ul>}
      </div>
    </div>
  );
}
