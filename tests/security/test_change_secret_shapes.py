"""Which values on a change's added lines are secrets by their place (`change_secrets`): what
every stored file of the review masks. Kept narrow: each value found is masked everywhere, so
ordinary code that names a password or a token must not match."""

from __future__ import annotations

import pytest

from deepreview.change_secrets import scan_lines, values_in_diff

PEM = (
    "-----BEGIN RSA PRIVATE KEY-----\n"
    "MIIEowIBAAKCAQEAuZ8Fv2Lm0pX9tR4wK7yBq8Zr2LmX9vTn4KpWq8Zr2LmXabcd\n"
    "Zq8Fv2Lm0pX9tR4wK7yBq8Zr2LmX9vTn4KpWq8Zr2LmXabcdZq8Fv2Lm0pX9tR4w\n"
    "-----END RSA PRIVATE KEY-----"
)


@pytest.mark.parametrize(
    ("path", "line", "value"),
    [
        ("settings.py", 'DB_PASSWORD = "hunter2-Very-Long-9f8e7d"', "hunter2-Very-Long-9f8e7d"),
        ("a.json", '  "client_secret": "q8ZxTm4Rw2Lp9Kd7Vb",', "q8ZxTm4Rw2Lp9Kd7Vb"),
        ("c.yaml", "  api_key: 5b1c9e8a7d6f4b3c2a1e0f9d  # prod", "5b1c9e8a7d6f4b3c2a1e0f9d"),
        ("deploy.sh", "export STRIPE_KEY=rk_live_Zq8Fv2Lm0pX9tR4w", "rk_live_Zq8Fv2Lm0pX9tR4w"),
        ("c.toml", 'auth_token = "Zq8Fv2Lm0pX9tR4wK7"', "Zq8Fv2Lm0pX9tR4wK7"),
        (".env.production", "SMTP_PASSWORD=Kd8-vLq2-Rt9w", "Kd8-vLq2-Rt9w"),
        ("app.js", "const clientSecret = 'Tz4mQ8rLw2Vx9Kp';", "Tz4mQ8rLw2Vx9Kp"),
        ("main.go", 'apiKey := "Zq8Fv2Lm0pX9tR4wK7yB"', "Zq8Fv2Lm0pX9tR4wK7yB"),
        ("cfg.php", "'db_password' => 'Wm4nZ8pQ2rT6',", "Wm4nZ8pQ2rT6"),
        ("db.py", 'connect(host="db", password="S3cr3t-pass!")', "S3cr3t-pass!"),
        ("app.properties", "db.password=Xq7Lm2Vt9Rk", "Xq7Lm2Vt9Rk"),
        ("s.py", 'DSN = "postgres://app:S3cretPassw0rd99@db:5432/x"', "S3cretPassw0rd99"),
        ("conf.py", 'db_password: str = "Wm4nZ8pQ2rT6x"', "Wm4nZ8pQ2rT6x"),
        ("api.ts", "const apiKey: string = 'Zq8Fv2Lm0pX9tR4wK7yB';", "Zq8Fv2Lm0pX9tR4wK7yB"),
        ("s.py", 'TOKEN: Final[str] = "gh-Zq8Fv2Lm0pX9"', "gh-Zq8Fv2Lm0pX9"),
        (
            "c.yaml",
            "token: eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.SflKxwRJSMeKKF2QT4f",
            "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.SflKxwRJSMeKKF2QT4f",
        ),
    ],
)
def test_an_assigned_secret_is_found(path: str, line: str, value: str) -> None:
    assert [hit.value for hit in scan_lines([line], path)] == [value]


@pytest.mark.parametrize(
    ("path", "line"),
    [
        ("forms.py", 'password_field = form.get("password")'),
        ("api.py", 'token = request.headers["X-Token"]'),
        ("settings.py", "PASSWORD_MIN_LENGTH = 12"),
        ("test_login.py", 'FIXTURE = {"password": "test"}'),
        ("fixture.json", '{"username": "alice", "password": "test"}'),
        ("settings.py", 'SECRET_KEY = os.environ["SECRET_KEY"]'),
        ("settings.py", 'DB_PASSWORD = os.environ.get("DB_PASSWORD")'),
        ("c.yaml", "password: ${DB_PASSWORD}"),
        ("c.yaml", "token: '{{ vault_token }}'"),
        (".env.example", "API_KEY=changeme"),
        (".env.example", "API_KEY=your_api_key_here"),
        ("c.yaml", "api_key: <your-api-key>"),
        ("c.yaml", "password: xxxxxxxxxxxx"),
        ("c.yaml", "password: '********'"),
        ("settings.py", 'TOKEN_URL = "https://auth.example.com/oauth/token2"'),
        ("settings.py", 'PASSWORD_HASHER = "argon2"'),
        ("app.py", "api_key = settings.API_KEY"),
        ("app.py", "if token == 'abc123def456':"),
        ("app.py", "password = get_password(user_id2)"),
        ("app.py", 'cache_key = "user_profile_v2_settings"'),
        ("i18n.json", '"key": "settings.title.main2"'),
        ("app.py", 'token = f"Bearer {access_token}"'),
        ("app.ts", 'headers["Authorization"] = "Token " + token'),
        ("s.py", 'DSN = "postgres://postgres:postgres@localhost/x"'),
        ("s.py", 'DSN = "postgres://user:${DB_PASSWORD}@db/x"'),
        ("api.py", '"provideCredentials": "network.ContinueWithAuth_Credentials2",'),
        ("app.py", 'def login(user: str, password: str = "") -> bool:'),
        ("app.py", 'password_label: str = "Your password here"'),
        ("app.ts", "let tokenType: string = 'bearer';"),
    ],
)
def test_ordinary_code_is_no_secret(path: str, line: str) -> None:
    assert scan_lines([line], path) == []


def test_every_line_of_a_private_key_is_a_value() -> None:
    hits = scan_lines(PEM.split("\n"), "deploy.pem")
    assert [h.value for h in hits] == PEM.split("\n")[1:3]
    # ... also a key written on one line, in JSON with escaped newlines
    one = '{"private_key": "' + PEM.replace("\n", "\\n") + '\\n"}'
    assert {h.value for h in scan_lines([one], "sa.json")} >= set(PEM.split("\n")[1:3])


def test_an_encrypted_keys_headers_are_no_values() -> None:
    lines = [
        "-----BEGIN RSA PRIVATE KEY-----",
        "Proc-Type: 4,ENCRYPTED",
        "DEK-Info: AES-128-CBC,ABCDEF0123456789",
        "",
        "MIIEowIBAAKCAQEAuZ8Fv2Lm0pX9tR4wK7yB",
        "-----END RSA PRIVATE KEY-----",
    ]
    assert [h.value for h in scan_lines(lines, "k.pem")] == [lines[4]]


def test_every_line_a_diff_shows_is_read_added_first() -> None:
    """The removed and the context lines are in the seats' prompt too: a seat may quote them."""
    diff = (
        "diff --git a/settings.py b/settings.py\n"
        "--- a/settings.py\n"
        "+++ b/settings.py\n"
        "@@ -1,2 +1,2 @@\n"
        '-DB_PASSWORD = "Old-pass-123456"\n'
        ' OTHER_TOKEN = "Ctx-token-123456"\n'
        '+DB_PASSWORD = "New-pass-654321"\n'
        "diff --git a/deploy.sh b/deploy.sh\n"
        "new file mode 100644\n"
        "--- /dev/null\n"
        "+++ b/deploy.sh\n"
        "@@ -0,0 +1 @@\n"
        "+export STRIPE_KEY=rk_live_Zq8Fv2Lm0pX9tR4w\n"
        "diff --git a/k.pem b/k.pem\n"
        "--- /dev/null\n"
        "+++ b/k.pem\n"
        "@@ -0,0 +1,4 @@\n" + "".join(f"+{line}\n" for line in PEM.split("\n"))
    )
    assert values_in_diff(diff) == [
        "Ctx-token-123456",
        "New-pass-654321",
        "rk_live_Zq8Fv2Lm0pX9tR4w",
        *PEM.split("\n")[1:3],
        "Old-pass-123456",
    ]


def test_a_bare_word_is_a_literal_only_in_a_config_file() -> None:
    # In code, `API_KEY = Zq8...` names a variable; in .env or YAML it is the value.
    assert scan_lines(["API_KEY = Zq8Fv2Lm0pX9tR4wK7yB"], "app.py") == []
    assert [h.value for h in scan_lines(["API_KEY=Zq8Fv2Lm0pX9tR4wK7yB"], ".env")] == [
        "Zq8Fv2Lm0pX9tR4wK7yB"
    ]
