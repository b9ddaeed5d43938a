const { app, BrowserWindow, ipcMain, shell } = require('electron');
const fs = require('fs/promises');
const path = require('path');

const NOTES_DIR = path.join(app.getPath('userData'), 'notes');

function createWindow() {
  const win = new BrowserWindow({
    width: 1000,
    height: 700,
    webPreferences: {
      preload: path.join(__dirname, 'preload.js'),
      contextIsolation: false,
      sandbox: false,
    },
  });
  win.webContents.setWindowOpenHandler(({ url }) => {
    shell.openExternal(url);
    return { action: 'deny' };
  });
  win.loadFile('index.html');
}

ipcMain.handle('notes:read', async (_event, name) => {
  return fs.readFile(path.join(NOTES_DIR, name), 'utf8');
});

ipcMain.handle('notes:save', async (_event, name, text) => {
  await fs.writeFile(path.join(NOTES_DIR, name), text);
});

app.whenReady().then(createWindow);
