const { ipcRenderer } = require('electron');

window.notes = {
  read: (name) => ipcRenderer.invoke('notes:read', name),
  save: (name, text) => ipcRenderer.invoke('notes:save', name, text),
  invoke: (channel, ...args) => ipcRenderer.invoke(channel, ...args),
};
