import type { GoodThemeCharacteristic } from '../../../../bot/domain/model';
import type { ThemeChange, ThemeTextField } from '../../../../bot/domain/themeDiff';
import type { MessageKey } from '../../../../bot/i18n';

// Message keys of the theme's questions (seed 002, "Udfold netværkets tema") and the 7 characteristics (seed 003).

export const fieldLabelKey = (field: ThemeTextField): MessageKey => `tab.theme.field.${field}`;
export const characteristicTitleKey = (c: GoodThemeCharacteristic): MessageKey => `tab.theme.characteristic.${c}`;
export const characteristicQuestionKey = (c: GoodThemeCharacteristic): MessageKey => `tab.theme.characteristic.${c}.question`;

export const changeLabelKey = (change: ThemeChange): MessageKey =>
  change.kind === 'text' ? fieldLabelKey(change.field) : characteristicTitleKey(change.characteristic);
