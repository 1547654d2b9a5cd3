import type { Theme } from '@fluentui/react-components';

// A host config close to Teams' own for the Adaptive Cards SDK: Segoe UI, Teams' sizes and
// spacing, colours from the Fluent theme the tab uses now (light, dark or high contrast).

const FONT = "'Segoe UI', 'Segoe UI Web (West European)', -apple-system, BlinkMacSystemFont, Roboto, 'Helvetica Neue', sans-serif";

const fontType = (fontFamily: string) => ({
  fontFamily,
  fontSizes: { small: 12, default: 14, medium: 14, large: 18, extraLarge: 24 },
  fontWeights: { lighter: 300, default: 400, bolder: 600 },
});

export function cardHostConfig(theme: Theme, headingLevel: number) {
  const colour = (value: string, subtle = theme.colorNeutralForeground2) => ({ default: value, subtle });
  const foregroundColors = {
    default: colour(theme.colorNeutralForeground1),
    dark: colour(theme.colorNeutralForeground1),
    light: colour(theme.colorNeutralForeground2),
    accent: colour(theme.colorBrandForeground1, theme.colorBrandForeground2),
    good: colour(theme.colorPaletteGreenForeground1),
    warning: colour(theme.colorPaletteDarkOrangeForeground1),
    attention: colour(theme.colorPaletteRedForeground1),
  };
  return {
    fontFamily: FONT,
    // A preview: nothing on it can be pressed or filled in.
    supportsInteractivity: false,
    spacing: { small: 4, default: 8, medium: 16, large: 20, extraLarge: 24, padding: 16 },
    separator: { lineThickness: 1, lineColor: theme.colorNeutralStroke2 },
    // The SDK reads both font types.
    fontTypes: { default: fontType(FONT), monospace: fontType("Consolas, 'Courier New', monospace") },
    textBlock: { headingLevel },
    containerStyles: {
      default: { backgroundColor: theme.colorNeutralBackground1, foregroundColors },
      emphasis: { backgroundColor: theme.colorNeutralBackground3, foregroundColors },
    },
  };
}
