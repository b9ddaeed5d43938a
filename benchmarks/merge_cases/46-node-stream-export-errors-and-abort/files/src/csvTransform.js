const { Transform } = require('stream');

function toCsv(columns) {
  let header = false;
  return new Transform({
    writableObjectMode: true,
    transform(row, _enc, done) {
      if (!header) {
        this.push(columns.join(',') + '\n');
        header = true;
      }
      const line = columns.map((c) => row[c]).join(',');
      this.push(line + '\n');
      done();
    },
  });
}

module.exports = { toCsv };
