// The translator and the dictionaries' placeholders: a renamed placeholder in one language,
// or a summary that leaves one unfilled, would show "{acc}" to a reader.
import { describe, expect, it } from 'vitest';
import es from '../../../src/i18n/es.json';
import en from '../../../src/i18n/en.json';
import { formatMessage, placeholders as messagePlaceholders } from '../../../src/i18n/format.ts';
import { tr } from '../../../src/widgets/kit/strings.ts';

// Plural branches differ in words between languages; their variable names must not.
const placeholders = (s: string) => messagePlaceholders(s);

describe('tr', () => {
  it('shows a missing key loudly, as ⟦key⟧', () => {
    expect(tr({}, 'widget.none.here')).toBe('⟦widget.none.here⟧');
  });
  it('fills the placeholders it has values for and leaves the others visible', () => {
    expect(tr({ k: '{a} and {b}' }, 'k', { a: 1 })).toBe('1 and {b}');
    expect(tr({ k: 'no vars' }, 'k')).toBe('no vars');
  });
  it('does not take values from the prototype of the variables object', () => {
    expect(formatMessage('{constructor}', {}, 'en')).toBe('{constructor}');
    expect(formatMessage('{n, plural, one {# x} other {# xs}}', { constructor: 1 } as never, 'en')).toContain('{n');
  });
});

describe('placeholders', () => {
  it('every key has the same placeholders in es and en', () => {
    const differ = Object.keys(es).filter((k) => placeholders((es as Record<string, string>)[k]).join() !== placeholders((en as Record<string, string>)[k] ?? '').join());
    expect(differ, `keys whose placeholders differ: ${differ.join(', ')}`).toEqual([]);
  });
});
