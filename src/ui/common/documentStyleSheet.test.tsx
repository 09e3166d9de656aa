import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { render } from '@testing-library/react';
import { useDocumentStyleSheet } from './documentStyleSheet';

function Styled({ css }: { css: string }) {
  useDocumentStyleSheet(css);
  return null;
}

const rules = () => document.adoptedStyleSheets.flatMap((s) => [...s.cssRules].map((r) => r.cssText.replace(/\s+/g, ' ')));

describe('a stylesheet built at run time', () => {
  // jsdom has constructable sheets but no adoptedStyleSheets: give the document the list a browser has.
  beforeEach(() => Object.defineProperty(document, 'adoptedStyleSheets', { value: [], writable: true, configurable: true }));
  afterEach(() => Reflect.deleteProperty(document, 'adoptedStyleSheets'));

  it('is adopted by the document while mounted, replaced when its text changes, and removed on unmount', () => {
    const { rerender, unmount } = render(<Styled css=".a { color: red; }" />);
    expect(rules()).toEqual(['.a { color: red; }']);
    rerender(<Styled css=".b { color: blue; }" />);
    expect(rules()).toEqual(['.b { color: blue; }']);
    unmount();
    expect(document.adoptedStyleSheets).toEqual([]);
  });

  it('keeps sheets adopted by others', () => {
    const other = new CSSStyleSheet();
    document.adoptedStyleSheets = [other];
    const { unmount } = render(<Styled css=".a { color: red; }" />);
    expect(document.adoptedStyleSheets).toHaveLength(2);
    unmount();
    expect(document.adoptedStyleSheets).toEqual([other]);
  });

  it('without adoptedStyleSheets (an old browser) nothing is applied and nothing throws', () => {
    Reflect.deleteProperty(document, 'adoptedStyleSheets');
    expect(() => render(<Styled css=".a { color: red; }" />).unmount()).not.toThrow();
  });
});
