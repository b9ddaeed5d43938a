const fs = require("fs");
const path = require("path");

const UPLOAD_DIR = "/var/app/uploads";
const MAX_BYTES = 10 * 1024 * 1024;

function saveUpload(req, res) {
  const name = req.query.filename;
  const target = path.join(UPLOAD_DIR, name);
  let size = 0;
  const out = fs.createWriteStream(target);
  req.on("data", (chunk) => {
    size += chunk.length;
    out.write(chunk);
  });
  req.on("end", () => {
    out.end();
    if (size > MAX_BYTES) {
      res.status(413).send("too large");
      return;
    }
    res.status(201).json({ saved: name, bytes: size });
  });
}

module.exports = { saveUpload };
