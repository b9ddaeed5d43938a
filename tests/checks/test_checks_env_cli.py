"""What the change's tests see of the user's environment, through the real `deep-review review
--allow-exec --check-fixes`: no secret-named variable (README: names with KEY, TOKEN, SECRET,
PASSWORD, AUTH, …), the ssh agent's socket included (it signs as the user), and no value that
carries a password in a URL or a token of a known shape, unless `[checks] env` names it."""

from __future__ import annotations

import json
from pathlib import Path

from support.proof_repos import GOOD_FIX, make_python_repo, review_text, seat_config
from support.repos import run_cli

REVIEW = ["review", "--agents", "bot", "--lead", "none", "--json", "--allow-exec", "--check-fixes"]
SECRETS = {
    "SSH_AUTH_SOCK": "/tmp/ssh-agent-of-the-user/agent.42",
    "DATABASE_URL": "postgres://app:Hunter2Secret9@db/app",
    "UPSTREAM": "ghp_" + "A1b2C3d4E5f6G7h8I9j0K1l2M3n4O5p6Q7r8",
}


def _seen(tmp_path: Path, extra: str = "") -> dict[str, str]:
    repo = make_python_repo(tmp_path, strong=True)
    env = seat_config(tmp_path, review_text([("Negative ages", GOOD_FIX)]), extra)
    env.update(SECRETS)
    env["PLAIN_SETTING"] = "https://db.example/app"
    dump = tmp_path / "test-env.txt"
    script = tmp_path / "dump_env.py"
    script.write_text(
        f"import json, os\nopen({str(dump)!r}, 'w').write(json.dumps(dict(os.environ)))\n",
        encoding="utf-8",
    )
    res = run_cli([*REVIEW, "--test-cmd", f"python {script}"], cwd=repo, env=env, timeout=240)
    assert res.returncode == 0, res.stderr
    seen: dict[str, str] = json.loads(dump.read_text(encoding="utf-8"))
    return seen


def test_the_tests_get_no_agent_socket_url_password_or_token(tmp_path: Path) -> None:
    seen = _seen(tmp_path)
    assert not set(SECRETS) & set(seen)
    assert seen["PLAIN_SETTING"] == "https://db.example/app"  # a URL without a password stays


def test_checks_env_still_passes_them_by_name(tmp_path: Path) -> None:
    seen = _seen(tmp_path, '[checks]\nenv = ["SSH_AUTH_SOCK", "DATABASE_URL"]\n')
    assert seen["SSH_AUTH_SOCK"] == SECRETS["SSH_AUTH_SOCK"]
    assert seen["DATABASE_URL"] == SECRETS["DATABASE_URL"]
    assert "UPSTREAM" not in seen
