import type { GoodThemeCharacteristic } from '@domain/model';
import type { ThemeChange, ThemeTextField } from '@domain/themeDiff';
import type { MessageKey } from '@i18n';

// Message keys of the theme's questions (the handbook, "Udfold netværkets tema") and the 7 characteristics (the handbook's "Udfold netværkstemaet").

export const fieldLabelKey = (field: ThemeTextField): MessageKey => `tab.theme.field.${field}`;
export const characteristicTitleKey = (c: GoodThemeCharacteristic): MessageKey => `tab.theme.characteristic.${c}`;
export const characteristicQuestionKey = (c: GoodThemeCharacteristic): MessageKey => `tab.theme.characteristic.${c}.question`;

export const changeLabelKey = (change: ThemeChange): MessageKey =>
  change.kind === 'text' ? fieldLabelKey(change.field) : characteristicTitleKey(change.characteristic);
