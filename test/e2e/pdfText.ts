/**
 * Pages and their text from a PDF printed by Chromium (Skia/PDF): enough of the format to count pages and read the
 * words on each (Flate streams, Type0 fonts with a ToUnicode map, Tj/TJ text, form XObjects). Not a general PDF
 * reader: it serves the print tests, which print with the same browser.
 */
import { inflateSync } from 'node:zlib';

interface PdfObject {
  dict: string;
  stream?: Buffer;
}

function readObjects(pdf: Buffer): Map<number, PdfObject> {
  const text = pdf.toString('latin1');
  const objects = new Map<number, PdfObject>();
  const head = /(\d+) 0 obj\s*/g;
  let m: RegExpExecArray | null;
  while ((m = head.exec(text))) {
    const start = m.index + m[0].length;
    const end = text.indexOf('endobj', start);
    const body = text.slice(start, end);
    const at = body.search(/stream\r?\n/);
    if (at < 0) {
      objects.set(Number(m[1]), { dict: body });
      continue;
    }
    const dict = body.slice(0, at);
    const dataStart = start + at + (body[at + 6] === '\r' ? 8 : 7);
    const length = Number(/\/Length (\d+)/.exec(dict)?.[1] ?? 0);
    const raw = pdf.subarray(dataStart, dataStart + length);
    objects.set(Number(m[1]), { dict, stream: dict.includes('/FlateDecode') ? inflateSync(raw) : raw });
    head.lastIndex = end;
  }
  return objects;
}

const refs = (s: string): number[] => [...s.matchAll(/(\d+) 0 R/g)].map((r) => Number(r[1]));

/** The dictionary `/Key << ... >>` inside `dict` (balanced), or ''. */
function subDict(dict: string, key: string): string {
  const i = dict.indexOf(`/${key} <<`);
  if (i < 0) return '';
  let depth = 0;
  for (let j = i; j < dict.length - 1; j++) {
    if (dict.startsWith('<<', j)) {
      depth++;
      j++;
    } else if (dict.startsWith('>>', j)) {
      depth--;
      j++;
      if (depth === 0) return dict.slice(i, j + 1);
    }
  }
  return '';
}

const namedRefs = (dict: string): Map<string, number> => new Map([...dict.matchAll(/\/(\w+) (\d+) 0 R/g)].map((r) => [r[1] ?? '', Number(r[2])]));

const hexToString = (hex: string): string => {
  let out = '';
  for (let i = 0; i + 4 <= hex.length; i += 4) out += String.fromCodePoint(parseInt(hex.slice(i, i + 4), 16));
  return out;
};

/** A font's ToUnicode CMap: glyph code (hex) to text. */
function toUnicode(cmap: string): Map<string, string> {
  const map = new Map<string, string>();
  for (const block of cmap.matchAll(/beginbfchar([\s\S]*?)endbfchar/g)) {
    for (const [, src = '', dst = ''] of (block[1] ?? '').matchAll(/<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>/g)) map.set(src.toUpperCase(), hexToString(dst));
  }
  for (const block of cmap.matchAll(/beginbfrange([\s\S]*?)endbfrange/g)) {
    for (const [, from = '', to = '', dst = ''] of (block[1] ?? '').matchAll(/<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*(<[0-9A-Fa-f]+>|\[[^\]]*\])/g)) {
      const lo = parseInt(from, 16);
      const hi = parseInt(to, 16);
      const width = from.length;
      const list = dst.startsWith('[') ? [...dst.matchAll(/<([0-9A-Fa-f]+)>/g)].map((x) => hexToString(x[1] ?? '')) : undefined;
      const base = list ? 0 : parseInt(dst.slice(1, -1), 16);
      for (let c = lo; c <= hi; c++) map.set(c.toString(16).toUpperCase().padStart(width, '0'), list ? (list[c - lo] ?? '') : String.fromCodePoint(base + c - lo));
    }
  }
  return map;
}

function decodeHex(hex: string, cmap: Map<string, string> | undefined): string {
  if (!cmap) return '';
  let out = '';
  for (let i = 0; i + 4 <= hex.length; i += 4) out += cmap.get(hex.slice(i, i + 4).toUpperCase()) ?? '';
  return out;
}

/** The text a content stream draws, with the fonts and forms of its resources. */
function streamText(objects: Map<number, PdfObject>, content: string, resources: string, depth = 0): string {
  const fonts = namedRefs(subDict(resources, 'Font'));
  const forms = namedRefs(subDict(resources, 'XObject'));
  const cmaps = new Map<string, Map<string, string>>();
  const cmapOf = (name: string) => {
    if (!cmaps.has(name)) {
      const font = objects.get(fonts.get(name) ?? -1);
      const tu = font && /\/ToUnicode (\d+) 0 R/.exec(font.dict);
      const stream = tu ? objects.get(Number(tu[1]))?.stream : undefined;
      cmaps.set(name, stream ? toUnicode(stream.toString('latin1')) : new Map());
    }
    return cmaps.get(name);
  };
  let font = '';
  let out = '';
  for (const op of content.matchAll(/\/(\w+) [\d.]+ Tf|<([0-9A-Fa-f]*)> ?Tj|\[((?:[^\]\\]|\\.)*)\] ?TJ|\/(\w+) Do|(ET)/g)) {
    if (op[1]) font = op[1];
    else if (op[2] !== undefined) out += decodeHex(op[2], cmapOf(font));
    else if (op[3] !== undefined) out += [...op[3].matchAll(/<([0-9A-Fa-f]*)>/g)].map((h) => decodeHex(h[1] ?? '', cmapOf(font))).join('');
    else if (op[4] && depth < 4) {
      const form = objects.get(forms.get(op[4]) ?? -1);
      if (form?.stream) out += streamText(objects, form.stream.toString('latin1'), form.dict.includes('/Font') ? form.dict : resources, depth + 1);
    } else if (op[5]) out += ' ';
  }
  return out;
}

/** The text of each page, in page order (words as drawn; whitespace collapsed). */
export function pdfPageTexts(pdf: Buffer): string[] {
  const objects = readObjects(pdf);
  const root = [...objects.values()].find((o) => /\/Type \/Pages\b/.test(o.dict) && !/\/Parent/.test(o.dict));
  if (!root) throw new Error('no page tree in the PDF');
  const pages: number[] = [];
  const walk = (dict: string) => {
    for (const kid of refs(/\/Kids \[([^\]]*)\]/.exec(dict)?.[1] ?? '')) {
      const o = objects.get(kid);
      if (!o) continue;
      if (/\/Type \/Pages\b/.test(o.dict)) walk(o.dict);
      else pages.push(kid);
    }
  };
  walk(root.dict);
  return pages.map((id) => {
    const page = objects.get(id)!;
    const contents = /\/Contents (\d+) 0 R/.exec(page.dict);
    const content = contents ? (objects.get(Number(contents[1]))?.stream?.toString('latin1') ?? '') : '';
    return streamText(objects, content, page.dict).replace(/\s+/g, ' ').trim();
  });
}
