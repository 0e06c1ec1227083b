// Written in CommonJS with no modern syntax so that even an old Node can run it
// and print a sentence instead of a stack trace.
var parts = process.versions.node.split('.').map(Number);
var ok = parts[0] > 22 || (parts[0] === 22 && parts[1] >= 12);
if (!ok) {
  process.stderr.write(
    '\nThis project needs Node.js 22.12 or newer (24 LTS recommended); you are running ' +
      process.versions.node + '.\n' +
      'Install a newer Node (for example with `nvm use`, which reads .nvmrc) and try again.\n\n'
  );
  process.exit(1);
}
