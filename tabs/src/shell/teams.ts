// The parts of the Teams library the tab pages use, in one place: the pages import this module only when they run in
// a frame (./host.ts, ./early.ts, TabLink), so a page opened in a browser never downloads or evaluates the library;
// named imports keep the rest of it out of the build.
export { app, authentication, pages } from '@microsoft/teams-js';
