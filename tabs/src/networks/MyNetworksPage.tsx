// Placeholder — being written (My networks: list + create network).
export function MyNetworksPage() {
  return <h1>Mine netværk</h1>;
}
