/**
 * "About the evidence": every source the rules cite, once, with its edition, how far it was checked (one row per
 * verification level its rules carry) and its citation. Rule lines show only the short label and link here, so
 * the verification words are not repeated on every paragraph. Collapsed by default; a lazy chunk of the page.
 */
import { useMessages } from '../messages/MessagesProvider';
import { evidenceAnchor, evidenceSources } from './evidenceSources';
import './evidence.css';

export default function AboutEvidence() {
  const m = useMessages();
  const sources = evidenceSources(m);
  return (
    <section className="about-evidence" id={evidenceAnchor} aria-labelledby={`${evidenceAnchor}-heading`}>
      <h2 id={`${evidenceAnchor}-heading`} className="visually-hidden">
        {m.t('evidence.heading')}
      </h2>
      <details>
        <summary>{m.t('evidence.summary', { n: sources.length })}</summary>
        <p>{m.t('evidence.intro')}</p>
        <table className="about-evidence__table">
          <caption className="visually-hidden">{m.t('evidence.heading')}</caption>
          <thead>
            <tr>
              <th scope="col">{m.t('evidence.col.source')}</th>
              <th scope="col">{m.t('evidence.col.edition')}</th>
              <th scope="col">{m.t('evidence.col.checked')}</th>
              <th scope="col">{m.t('evidence.col.citation')}</th>
            </tr>
          </thead>
          <tbody>
            {sources.map((s) => (
              <tr key={s.slug} id={s.id} data-source={s.slug}>
                <th scope="row">{s.label}</th>
                <td>{s.edition}</td>
                <td>
                  <ul className="about-evidence__levels">
                    {s.levels.map((l, i) => (
                      <li key={i} className={`about-evidence__level about-evidence__level--${l.verification}`}>
                        <strong>{l.text}</strong>: {l.note}
                      </li>
                    ))}
                  </ul>
                </td>
                <td className="about-evidence__citation">
                  {s.citation.published ? (
                    // A published work's citation stays as published: marked as English for the reader's screen reader.
                    <cite lang="en" data-citation="">
                      {s.citation.text}
                    </cite>
                  ) : (
                    s.citation.text
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </section>
  );
}
