/**
 * The words of the app page's first render (launching, how to launch, launch error), registered at once. English
 * only: those screens render before the reader's language is known to the app (outside MessagesProvider); the whole
 * catalogue, Russian included, arrives with the launch (registry.ts).
 */
import { commonEn } from './en/common';
import { screensEn } from './en/screens';
import { registerCatalogues } from './catalogueRegistry';

registerCatalogues({ en: { ...commonEn, ...screensEn } });
