import type { ButtonHTMLAttributes, ComponentChildren } from 'preact';

export type ButtonVariant = 'primary' | 'secondary' | 'ghost' | 'danger';

type Props = Omit<ButtonHTMLAttributes<HTMLButtonElement>, 'size'> & { variant?: ButtonVariant; size?: 'small'; children: ComponentChildren; disabled?: boolean };

/** Doppel's one button: primary for the main action on a surface, secondary/ghost for the rest, danger for deletions. */
export const Button = ({ variant = 'primary', size, class: extra, children, ...rest }: Props) => (
  <button type="button" class={[variant === 'primary' ? '' : variant, size ?? '', (extra as string | undefined) ?? ''].filter(Boolean).join(' ') || undefined} {...rest}>
    {children}
  </button>
);
