import { askPlanEarly } from '../shell/early';

// The delivery page's first import (its own chunk, see vite.config.mjs): the network's plan is asked for before the
// rest of the page's script is evaluated, beside "who am I" and the catalogue.
askPlanEarly('all');
