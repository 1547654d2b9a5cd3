// Placeholder — being written (configurable tab: create or link a network to the channel).
export function ConfigPage() {
  return <h1>Netværk</h1>;
}
