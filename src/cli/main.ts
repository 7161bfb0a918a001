console.log('cli', process.argv.slice(2).join(' '));
