/** The way back from a patient's view to the worklist it was opened from (the worklist comes back from the cache). */
import { useMessages } from '../messages/MessagesProvider';

export function BackToWorklist({ onBack }: { onBack: () => void }) {
  const m = useMessages();
  return (
    <nav className="back-to-worklist no-print" aria-label={m.t('worklist.heading')}>
      <button type="button" className="button" onClick={onBack}>
        {m.t('worklist.back')}
      </button>
    </nav>
  );
}
