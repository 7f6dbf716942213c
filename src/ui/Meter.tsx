import type { ComponentChildren } from 'preact';

/** A labelled bar for a 0–1 value, with its value in words and one line on what it means. */
export const Meter = ({ label, value, valueText, note, testid }: { label: ComponentChildren; value: number; valueText: string; note?: ComponentChildren; testid?: string }) => {
  const clamped = Math.max(0, Math.min(1, value));
  return (
    <div class="meter" data-testid={testid}>
      <span class="meter-label">{label}</span>
      <span class="meter-value">{valueText}</span>
      <div class="meter-track" role="meter" aria-valuemin={0} aria-valuemax={100} aria-valuenow={Math.round(clamped * 100)} aria-valuetext={valueText} aria-label={typeof label === 'string' ? label : undefined}>
        <div class="meter-fill" style={{ width: `${clamped * 100}%` }} />
      </div>
      {note ? <p class="meter-note">{note}</p> : null}
    </div>
  );
};
