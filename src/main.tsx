import { createRoot } from 'react-dom/client';

// Placeholder until the SMART launch lands (issue 2).
createRoot(document.getElementById('root')!).render(<p>LMWH Monitor</p>);
