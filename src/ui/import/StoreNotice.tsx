// What the user must know about the workspace store: a newer or unreadable store (never
// overwritten; export what can be read, or reset), storage unavailable, a failed write, or an
// old store updated to this version.
import { useState } from 'react';
import { t } from '../../core/i18n';
import type { Lang } from '../../core/keys';
import type { StoreSnapshot } from '../../io/workspace/store';

interface Props {
  st: StoreSnapshot;
  lang: Lang;
  onExport(): void;
  onReset(): void;
}

export function StoreNotice({ st, lang, onExport, onReset }: Props) {
  const [dismissed, setDismissed] = useState<StoreSnapshot['notice']>(null);
  const n = st.notice;
  if (!n || n === dismissed) return null;
  const blocking = n.kind === 'newer' || n.kind === 'corrupt';
  let text: string;
  if (n.kind === 'newer') text = t(lang, 'importui.store.newer', { version: n.version });
  else if (n.kind === 'corrupt') text = t(lang, 'importui.store.corrupt', { detail: n.problems.map((p) => p.code).join(', ') });
  else if (n.kind === 'unavailable') text = t(lang, 'importui.store.unavailable', { detail: n.detail });
  else if (n.kind === 'write_failed') text = t(lang, 'importui.store.writeFailed', { detail: n.detail });
  else text = t(lang, 'importui.store.migrated', { from: n.from, dropped: n.problems.length });
  return (
    <div className={blocking ? 'store-notice blocking' : 'store-notice'} role={blocking || n.kind === 'write_failed' ? 'alert' : 'status'} data-testid="store-notice" data-kind={n.kind}>
      <p>{text}</p>
      <div className="store-notice-actions">
        {blocking && (
          <>
            <button type="button" data-testid="store-export" onClick={onExport}>{t(lang, 'importui.store.export')}</button>
            <button type="button" onClick={onReset}>{t(lang, 'importui.store.startFresh')}</button>
          </>
        )}
        {!blocking && <button type="button" onClick={() => setDismissed(n)}>{t(lang, 'importui.dismiss')}</button>}
      </div>
    </div>
  );
}
