import { Input, type InputProps } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import { formatDate, isRealIsoDate } from '@domain/dates';

// A date typed the Danish way, dd.mm.yyyy, whatever language the browser has: a native date field
// would show 11/21/2026 in an English browser. Also takes d.m.yyyy, dd-mm-yyyy, dd/mm/yyyy and ISO.

/** 'dd.mm.yyyy' (and friends) → '2026-02-02'; '' for anything that is not a real date. */
export function parseDanishDate(text: string): string {
  const trimmed = text.trim();
  if (isRealIsoDate(trimmed)) return trimmed;
  const match = /^(\d{1,2})[.\-/ ](\d{1,2})[.\-/ ](\d{4})$/.exec(trimmed);
  if (!match) return '';
  const iso = `${match[3]}-${match[2]!.padStart(2, '0')}-${match[1]!.padStart(2, '0')}`;
  return isRealIsoDate(iso) ? iso : '';
}

const shown = (iso: string) => (isRealIsoDate(iso) ? formatDate(iso) : '');

export interface DateInputProps extends Omit<InputProps, 'value' | 'onChange' | 'type'> {
  /** ISO date when it is one; '' or what the user typed otherwise. */
  value: string;
  /** The ISO date, or '' while the text is not a real date; and the text as typed. */
  onChange: (iso: string, text: string) => void;
}

export function DateInput({ value, onChange, ...rest }: DateInputProps) {
  const [text, setText] = useState(() => shown(value));
  // A value set from outside (the end date following the start date) replaces what is shown.
  useEffect(() => {
    if (isRealIsoDate(value) ? parseDanishDate(text) !== value : value === '' && parseDanishDate(text) !== '') setText(shown(value));
  }, [value]);
  return (
    <Input
      {...rest}
      value={text}
      inputMode="numeric"
      autoComplete="off"
      onChange={(_event, data) => {
        setText(data.value);
        onChange(parseDanishDate(data.value), data.value);
      }}
      onBlur={() => {
        const iso = parseDanishDate(text);
        if (iso) setText(formatDate(iso));
      }}
    />
  );
}
