/** Renders a section inside the translator for the facility zone, as the app does (App mounts the provider). */
import type { ReactElement } from 'react';
import { render } from '@testing-library/react';
import { MessagesProvider } from '../../src/ui/messages/MessagesProvider';
import { DEMO_TEST_ZONE } from './demo-record';

export const renderInZone = (ui: ReactElement, zone: string = DEMO_TEST_ZONE) => render(<MessagesProvider zone={zone}>{ui}</MessagesProvider>);
