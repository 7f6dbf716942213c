import { useEffect } from 'preact/hooks';

/** A short confirmation ("Copied") that goes away by itself; announced politely to screen readers. */
export const Toast = ({ message, onDone, ms = 2500 }: { message: string | null; onDone: () => void; ms?: number }) => {
  useEffect(() => {
    if (!message) return;
    const timer = setTimeout(onDone, ms);
    return () => clearTimeout(timer);
  }, [message]);
  return message ? (
    <div class="toast" role="status" data-testid="toast">
      {message}
    </div>
  ) : null;
};
