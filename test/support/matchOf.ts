/**
 * Test support: a match written the short way ("SNOMED 11466000", "text 'Clexane'", "text match: 'c-section'",
 * "no recognised code (http://snomed.info/sct 65588006)") as the domain's MatchedBy, for table-driven tests.
 */
import { byCode, byText, noMatch, type MatchedBy } from '../../src/domain/matchedBy';

export function matchOf(s: string): MatchedBy {
  const text = /^text(?: match:)? '(.*)'/.exec(s);
  if (text) return byText(text[1]!);
  const none = /^no recognised code \((?:(\S+) )?(\S+)\)$/.exec(s);
  if (none) return noMatch(none[1] !== undefined ? { system: none[1], code: none[2]! } : { code: none[2]! });
  if (s === 'no recognised code or text') return noMatch();
  const code = /^(\S+) (\S+)$/.exec(s);
  if (code) return byCode(code[1]!, code[2]!);
  throw new Error(`not a match: ${s}`);
}
