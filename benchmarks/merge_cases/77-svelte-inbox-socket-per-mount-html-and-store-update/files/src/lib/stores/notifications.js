import { writable } from "svelte/store";

const { subscribe, update } = writable([]);

function connect(url) {
  const ws = new WebSocket(url);
  ws.onmessage = (event) => {
    const note = JSON.parse(event.data);
    update((items) => [note, ...items]);
  };
  ws.onclose = () => connect(url);
}

export const notifications = {
  subscribe,
  connect,
  markAllRead: () =>
    update((items) => {
      items.forEach((n) => (n.read = true));
    }),
};
