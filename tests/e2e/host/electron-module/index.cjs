// What `require('electron')` gives the app's main process inside the e2e host.
// The host puts its implementation on globalThis before loading the app.
'use strict';
module.exports = globalThis.__pultElectronHost;
