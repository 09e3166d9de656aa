/**
 * An MSW server for one integration test file, listening for the whole file (an unhandled request fails the test),
 * its handlers reset after each test, and the URL of every request it saw since the last reset in `seen`.
 */
import { afterAll, afterEach, beforeAll } from 'vitest';
import { setupServer } from 'msw/node';

export function recordingServer() {
  const server = setupServer();
  const seen: string[] = [];
  beforeAll(() => {
    server.listen({ onUnhandledRequest: 'error' });
    server.events.on('request:start', ({ request }) => seen.push(request.url));
  });
  afterEach(() => {
    server.resetHandlers();
    seen.length = 0;
  });
  afterAll(() => server.close());
  return { server, seen };
}
