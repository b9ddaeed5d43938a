const express = require("express");
const { requireUser } = require("../auth");
const { s3, BUCKET, presignPut } = require("../storage/presign");

const router = express.Router();

router.post("/uploads", requireUser, async (req, res) => {
  const { filename, contentType } = req.body;
  const url = await presignPut(filename, contentType);
  res.json({ url, key: filename });
});

router.get("/uploads/:key", requireUser, async (req, res) => {
  const obj = await s3.send(new GetObjectCommand({ Bucket: BUCKET, Key: req.params.key }));
  res.set("Content-Type", obj.ContentType);
  obj.Body.pipe(res);
});

module.exports = router;
