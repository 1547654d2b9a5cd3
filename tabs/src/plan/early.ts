import { askPlanEarly } from '../shell/early';
import { pageOpening } from './opening';
import { codeOf } from './sectionCode';

// The plan page's first import (its own chunk, see vite.config.mjs): its plan and the code of the view it opens with
// are asked for before the rest of the page's script is evaluated (a quarter of a second on a slow laptop), beside
// "who am I" and the catalogue.
const opening = pageOpening(window.location);
askPlanEarly(opening.parts);
codeOf(opening.view)().catch(() => undefined);
