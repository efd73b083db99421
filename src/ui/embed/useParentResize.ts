// Tells the host page how tall the embed is, so the optional embed-resize.js can size the
// iframe. The message carries one number and nothing else; '*' is safe for that, and the host
// script checks the sender's origin against the iframe's own.
import { useEffect, type RefObject } from 'react';

export const RESIZE_MESSAGE = 'social-map:height';

export function useParentResize(root: RefObject<HTMLElement | null>): void {
  useEffect(() => {
    const el = root.current;
    if (!el || window.parent === window) return;
    let last = -1;
    const post = () => {
      const height = Math.ceil(el.getBoundingClientRect().height);
      if (height === last) return;
      last = height;
      window.parent.postMessage({ type: RESIZE_MESSAGE, height }, '*');
    };
    const ro = new ResizeObserver(post);
    ro.observe(el);
    post();
    return () => ro.disconnect();
  }, [root]);
}
