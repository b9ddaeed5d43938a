const db = require('./db');
const { toCsv } = require('./csvTransform');

async function exportOrders(req, res) {
  res.setHeader('Content-Type', 'text/csv');
  const rows = db.streamQuery('SELECT * FROM orders WHERE account_id = $1', [req.user.accountId]);
  rows.pipe(toCsv(['id', 'customer', 'total', 'status'])).pipe(res);
  req.on('close', () => {
    console.log('export closed for', req.user.email);
  });
}

module.exports = { exportOrders };
