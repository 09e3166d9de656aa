/**
 * The words of the app page's first render (the launching screen), registered at once. English only: that screen
 * renders before the reader's language is known to the app (outside MessagesProvider); every other screen waits for
 * the whole catalogue, Russian included, which arrives with the launch (catalogueRegistry.ts).
 */
import { launchingEn } from './en/launching';
import { registerCatalogues } from './catalogueRegistry';

registerCatalogues({ en: { ...launchingEn } });
