// Every word of the catalogue registered, as the app has it once its catalogue chunk has arrived.
import '../src/ui/messages/catalogue';
import '@testing-library/jest-dom/vitest';
import { format } from 'node:util';
import { afterEach, beforeEach, vi } from 'vitest';
import { cleanup } from '@testing-library/react';

// Recharts measures its container; jsdom has no ResizeObserver.
class ResizeObserverStub {
  observe(): void {}
  unobserve(): void {}
  disconnect(): void {}
}
(globalThis as unknown as { ResizeObserver: unknown }).ResizeObserver ??= ResizeObserverStub;

// React reports invalid nesting (a source disclosure inside a paragraph, a div inside a p) with console.error: a
// rendering that does it fails its test instead of printing a warning nobody reads.
const INVALID_NESTING = /cannot be a descendant of|cannot contain a nested|cannot be a child of/;
let nesting: string[] = [];
beforeEach(() => {
  nesting = [];
  const original = console.error.bind(console);
  vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) => {
    const text = format(...args);
    if (INVALID_NESTING.test(text)) nesting.push(text.split('\n')[0] ?? text);
    original(...args);
  });
});

afterEach(() => {
  cleanup();
  vi.mocked(console.error).mockRestore?.();
  if (nesting.length > 0) throw new Error(`Invalid HTML nesting rendered: ${[...new Set(nesting)].join('; ')}`);
});
