import { describe, expect, it, beforeEach } from 'vitest';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { LanguageSwitch, useLocaleSetting } from './LanguageSwitch';
import { MessagesProvider, useMessages } from './MessagesProvider';
import { LOCALE_STORAGE_KEY } from './locale';

function Harness() {
  const [locale, setLocale] = useLocaleSetting();
  return (
    <MessagesProvider locale={locale} zone="UTC">
      <LanguageSwitch locale={locale} onChange={setLocale} />
      <Probe />
    </MessagesProvider>
  );
}

function Probe() {
  const m = useMessages();
  return <p data-testid="probe">{m.relative(2 * 86_400_000, 0)}</p>;
}

describe('language switch', () => {
  beforeEach(() => {
    window.localStorage.clear();
    document.documentElement.lang = '';
  });

  it('shows both languages, each named in itself, the current one pressed', () => {
    window.localStorage.setItem(LOCALE_STORAGE_KEY, 'en');
    render(<Harness />);
    expect(screen.getByRole('group', { name: 'Language' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'English' })).toHaveAttribute('aria-pressed', 'true');
    expect(screen.getByRole('button', { name: 'Русский' })).toHaveAttribute('aria-pressed', 'false');
    expect(screen.getByRole('button', { name: 'Русский' })).toHaveAttribute('lang', 'ru');
    expect(document.documentElement.lang).toBe('en');
  });

  it('switching to Russian changes the words and <html lang>, and remembers only the language', async () => {
    window.localStorage.setItem(LOCALE_STORAGE_KEY, 'en');
    render(<Harness />);
    expect(screen.getByTestId('probe')).toHaveTextContent('in 2 days');
    await userEvent.click(screen.getByRole('button', { name: 'Русский' }));
    expect(screen.getByTestId('probe')).toHaveTextContent('через 2 дня');
    expect(screen.getByRole('group', { name: 'Язык' })).toBeInTheDocument();
    expect(document.documentElement.lang).toBe('ru');
    expect({ ...window.localStorage }).toEqual({ [LOCALE_STORAGE_KEY]: 'ru' });
  });

  it('switching back to English', async () => {
    window.localStorage.setItem(LOCALE_STORAGE_KEY, 'ru');
    render(<Harness />);
    expect(document.documentElement.lang).toBe('ru');
    await userEvent.click(screen.getByRole('button', { name: 'English' }));
    expect(screen.getByTestId('probe')).toHaveTextContent('in 2 days');
    expect(document.documentElement.lang).toBe('en');
    expect(window.localStorage.getItem(LOCALE_STORAGE_KEY)).toBe('en');
  });
});
