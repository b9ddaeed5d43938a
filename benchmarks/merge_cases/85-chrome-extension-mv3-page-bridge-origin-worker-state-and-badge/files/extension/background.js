let watched = {};

chrome.storage.local.get('watched').then((data) => {
  watched = data.watched || {};
});

chrome.runtime.onMessage.addListener((msg, sender, sendResponse) => {
  if (msg.type === 'prices') {
    sendResponse(watched);
  }
  if (msg.type === 'watch') {
    watched[msg.url] = msg.price;
    chrome.storage.local.set({ watched });
  }
});

chrome.tabs.onUpdated.addListener((tabId, info, tab) => {
  if (info.status === 'complete' && watched[tab.url]) {
    chrome.tabs.sendMessage(tabId, { type: 'badge', label: `watched at ${watched[tab.url]}` });
  }
});
