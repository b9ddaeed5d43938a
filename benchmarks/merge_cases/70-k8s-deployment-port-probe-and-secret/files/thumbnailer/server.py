import os

from flask import Flask, jsonify

from thumbnailer import storage

app = Flask(__name__)


@app.get("/healthz")
def healthz():
    storage.client().head_bucket(Bucket=os.environ["THUMB_BUCKET"])
    return jsonify(ok=True)


@app.post("/thumbnail/<key>")
def thumbnail(key):
    data = storage.client().get_object(Bucket=os.environ["THUMB_BUCKET"], Key=key)["Body"].read()
    return storage.resize(data)


if __name__ == "__main__":
    app.run(host="0.0.0.0", port=int(os.environ.get("THUMB_PORT", "8080")))
