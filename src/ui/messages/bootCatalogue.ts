/** The words of the app page's first render (launching, how to launch, launch error): registered at once. */
import { commonEn } from './en/common';
import { screensEn } from './en/screens';
import { commonRu } from './ru/common';
import { registerCatalogues } from './registry';

registerCatalogues({ en: { ...commonEn, ...screensEn }, ru: { ...commonRu } });
