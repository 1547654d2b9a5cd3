import { Combobox, Option } from '@fluentui/react-components';
import { INVOLVEMENT_FORMS } from '@domain/model';
import { involvementFormLabel } from '@domain/labels';
import type { Locale } from '@i18n';
import { useApp } from '../../shell/AppContext';

/**
 * What is stored for the text in the field: a known form as its key (so it reads right in both languages),
 * anything else as the leader's own words.
 */
export function involvementToStore(text: string, locale: Locale): string {
  const value = text.trim();
  const known = INVOLVEMENT_FORMS.find((form) => involvementFormLabel(form, locale).toLowerCase() === value.toLowerCase() || form === value);
  return known ?? value;
}

/** "Hvordan? (inddragelsesform)": the handbook's forms as suggestions, or free text (freeform combobox). */
export function InvolvementCombobox({ value, onChange, label, onCommit, autoFocus }: {
  value: string;
  /** Focus it when it appears (a table cell turned into the field). */
  autoFocus?: boolean;
  onChange: (text: string) => void;
  /** Its accessible name where no Field labels it (a table cell). */
  label?: string;
  /** Called with the text once the leader is done with it: an option chosen, Enter, or leaving the field. */
  onCommit?: (text: string) => void;
}) {
  const { locale } = useApp();
  const options = INVOLVEMENT_FORMS.map((form) => ({ form, text: involvementFormLabel(form, locale) }));
  const typed = value.trim().toLowerCase();
  const exact = options.find((o) => o.text.toLowerCase() === typed);
  // Suggestions narrow while typing; when the text is one of them (or empty), all are offered.
  const shown = !typed || exact ? options : options.filter((o) => o.text.toLowerCase().includes(typed));
  return (
    <Combobox
      freeform
      value={value}
      selectedOptions={exact ? [exact.form] : []}
      aria-label={label}
      autoFocus={autoFocus}
      onChange={(event) => onChange(event.target.value)}
      onOptionSelect={(_event, data) => {
        if (data.optionText === undefined) return;
        onChange(data.optionText);
        onCommit?.(data.optionText);
      }}
      onBlur={(event) => onCommit?.(event.currentTarget.value)}
      onKeyDown={(event) => {
        if (event.key === 'Enter') onCommit?.(event.currentTarget.value);
      }}
    >
      {shown.map((o) => (
        <Option key={o.form} value={o.form}>
          {o.text}
        </Option>
      ))}
    </Combobox>
  );
}
