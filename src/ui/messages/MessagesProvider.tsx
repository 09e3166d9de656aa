/**
 * Gives every component the translator for the reader's language and the facility zone. View models receive the
 * same `Messages` object as an argument, so they stay pure and testable without React.
 */
import { createContext, useContext, useMemo, type ReactNode } from 'react';
import type { Catalogue, Locale } from './catalogue';
import { createMessages, type Messages } from './translator';
import { catalogueVersion } from './catalogueRegistry';

const MessagesContext = createContext<Messages | null>(null);

export function MessagesProvider({ locale, zone, catalogue, children }: { locale?: Locale; zone: string; catalogue?: Catalogue; children: ReactNode }) {
  const version = catalogueVersion();
  // eslint-disable-next-line react-hooks/exhaustive-deps -- a new catalogue version must give a new context value
  const messages = useMemo(() => createMessages({ locale, zone, catalogue }), [locale, zone, catalogue, version]);
  return <MessagesContext.Provider value={messages}>{children}</MessagesContext.Provider>;
}

/** The translator; outside a provider (the launch screens, isolated component tests) English in UTC. */
export function useMessages(): Messages {
  return useContext(MessagesContext) ?? FALLBACK;
}

const FALLBACK = createMessages({ locale: 'en', zone: 'UTC' });
