"""Through the real `deep-review review --lead none` with command seats: failures the claim
vocabulary lacked (`consolidate/failure_phrases.py`, found on merge cases 36-40), each told by two
seats in other words, are one finding; beside another failure at that place, two.

- "The list is refreshed from a worker thread" / "`onResult` runs on a background thread and
  redraws the adapter there": one (UI touched off the main thread).
- "Velocity ignores the frame time" / "the jump is added once per frame, so faster screens jump
  higher": one.
- "`web` starts before the broker is ready" / "the `mq` service has no healthcheck": one.
- "Redis published on every interface" / "6379 is reachable from the network": one.
- "Untrusted fork code runs in a privileged workflow" / "the fork's build scripts run with the
  deploy key", at the checkout and at the build a few lines on: one.
- "`twine upload` will not authenticate" / "the token set here is never read by the step": one.
- "Deleting while iterating skips sprites" / "removing from `sprites` inside the `for` loop
  leaves the next one unvisited": one; beside "`table.remove` in the draw loop is O(n)", two.
- "`cache` is written from another thread" / "the dictionary races with the read": one.
- "`image!` force-unwraps a nil download" beside "a 404 page is stored as the avatar": two.
- "Blocking lookup in the server" beside "the session state is lost when it raises": two.
- "PR title in a run: script is injection" beside "pushes every tag the PR brought": two.
- "Nothing starts a queue for a new name" at the controller's call of `push` / "Pushes to a queue
  that may not exist" in `push`, another file: one; beside "the queue name is taken unchecked"
  at that call, two.
- A Lua method `Enemy:hit` whose `self` is nil, and `enemy.hit()` in another file calling it
  with a dot: one, told where it breaks and where it is called.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from support.two_reviews import ONE, TWO, bullet_review, full_review, reviewers

ADAPTER = (
    "class FeedFragment : Fragment() {\n"  # 1
    "    private val adapter = PostAdapter()\n"  # 2
    "\n"
    "    fun refresh() {\n"  # 4
    "        repo.fetch { posts ->\n"  # 5
    "            adapter.items = posts\n"  # 6
    "            adapter.notifyDataSetChanged()\n"  # 7
    "        }\n"  # 8
    "    }\n"  # 9
    "}\n"  # 10
)
JUMPER = (
    "function update(state, dt) {\n"  # 1
    "  state.vy += JUMP_PULL;\n"  # 2
    "  state.y += state.vy;\n"  # 3
    "  state.x += RUN_SPEED;\n"  # 4
    "  return state;\n"  # 5
    "}\n"  # 6
)
COMPOSE = (
    "services:\n"  # 1
    "  web:\n"  # 2
    "    image: shop/web\n"  # 3
    "    environment:\n"  # 4
    "      BROKER: amqp://mq:5672\n"  # 5
    "    depends_on:\n"  # 6
    "      - mq\n"  # 7
    "  mq:\n"  # 8
    "    image: rabbitmq:3\n"  # 9
    "  cache:\n"  # 10
    "    image: redis:7\n"  # 11
    "    command: redis-server --requirepass hunter2\n"  # 12
    "    ports:\n"  # 13
    "      - '6379:6379'\n"  # 14
)
DEPLOY = (
    "on:\n"  # 1
    "  pull_request_target:\n"  # 2
    "jobs:\n"  # 3
    "  docs:\n"  # 4
    "    runs-on: ubuntu-latest\n"  # 5
    "    steps:\n"  # 6
    "      - uses: actions/checkout@v4\n"  # 7
    "        with:\n"  # 8
    "          ref: ${{ github.event.pull_request.head.ref }}\n"  # 9
    "      - uses: actions/setup-python@v5\n"  # 10
    "      - run: pip install build twine\n"  # 11
    "      - run: python -m build\n"  # 12
    "      - run: twine upload dist/*\n"  # 13
    "        env:\n"  # 14
    "          PYPI_TOKEN: ${{ secrets.PYPI_TOKEN }}\n"  # 15
    '      - run: git tag "${{ github.event.pull_request.title }}" && git push --tags\n'  # 16
)
SPRITES = (
    "function World:step(dt)\n"  # 1
    "  for i, s in ipairs(self.sprites) do\n"  # 2
    "    s.life = s.life - dt\n"  # 3
    "    if s.life <= 0 then\n"  # 4
    "      table.remove(self.sprites, i)\n"  # 5
    "    end\n"  # 6
    "  end\n"  # 7
    "end\n"  # 8
)
ENEMY = (
    "local Enemy = {}\n"  # 1
    "Enemy.__index = Enemy\n"  # 2
    "\n"
    "function Enemy:hit(damage)\n"  # 4
    "  self.hp = self.hp - damage\n"  # 5
    "end\n"  # 6
    "\n"
    "return Enemy\n"  # 8
)
ARENA = (
    "local Enemy = require('enemy')\n"  # 1
    "\n"
    "function love.mousepressed(x, y)\n"  # 3
    "  local enemy = find_enemy(x, y)\n"  # 4
    "  if enemy then\n"  # 5
    "    enemy.hit(10)\n"  # 6
    "  end\n"  # 7
    "end\n"  # 8
)
AVATARS = (
    "final class Avatars {\n"  # 1
    "    private var cache: [String: Data] = [:]\n"  # 2
    "\n"
    "    func fetch(_ name: String, done: @escaping (Data) -> Void) {\n"  # 4
    "        if let hit = cache[name] { return done(hit) }\n"  # 5
    "        let url = URL(string: base + name)!\n"  # 6
    "        URLSession.shared.dataTask(with: url) { image, _, _ in\n"  # 7
    "            self.cache[name] = image!\n"  # 8
    "            done(image!)\n"  # 9
    "        }.resume()\n"  # 10
    "    }\n"  # 11
    "}\n"  # 12
)
SESSIONS = (
    "defmodule Shop.Sessions do\n"  # 1
    "  use GenServer\n"  # 2
    "\n"
    "  def handle_call({:touch, id}, _from, state) do\n"  # 4
    "    user = Accounts.lookup!(id)\n"  # 5
    "    {:reply, user, Map.put(state, id, user)}\n"  # 6
    "  end\n"  # 7
    "end\n"  # 8
)
QUEUE = (
    "defmodule Jobs.Queue do\n"  # 1
    "  use GenServer\n"  # 2
    "\n"
    "  def push(name, job) do\n"  # 4
    "    GenServer.cast(via(name), {:push, job})\n"  # 5
    "  end\n"  # 6
    "end\n"  # 7
)
HOOKS = (
    "defmodule JobsWeb.HookController do\n"  # 1
    "  use JobsWeb, :controller\n"  # 2
    "\n"
    "  def create(conn, params) do\n"  # 4
    '    Jobs.Queue.push(params["queue"], params)\n'  # 5
    '    send_resp(conn, 202, "")\n'  # 6
    "  end\n"  # 7
    "end\n"  # 8
)
FILES = {
    "lib/jobs/queue.ex": QUEUE,
    "lib/jobs_web/hook_controller.ex": HOOKS,
    "app/FeedFragment.kt": ADAPTER,
    "game/jumper.js": JUMPER,
    "docker-compose.yml": COMPOSE,
    ".github/workflows/docs.yml": DEPLOY,
    "game/world.lua": SPRITES,
    "game/enemy.lua": ENEMY,
    "game/arena.lua": ARENA,
    "ios/Avatars.swift": AVATARS,
    "lib/shop/sessions.ex": SESSIONS,
}

SKIPS = full_review(
    "Deleting while iterating skips sprites",
    "game/world.lua:2-5",
    "`ipairs` walks on to the next index after `table.remove` has shifted the array down, so the "
    "sprite that moved into the hole ages one frame late.",
    "important",
)
CACHE_RACE = full_review(
    "`cache` is written from another thread",
    "ios/Avatars.swift:8",
    "The task's handler runs on the session's delegate queue while `fetch` reads the same "
    "dictionary on the caller's: two fetches at once can corrupt it.",
    "important",
)
NO_QUEUE = full_review(
    "Nothing starts a queue for a new name",
    "lib/jobs_web/hook_controller.ex:5",
    "Each request names its own queue, but processes exist only for the names started at boot; "
    "a hook for any other name is accepted with 202 and its job vanishes.",
    "important",
)
INJECTED = full_review(
    "Untrusted input in a `run:` script",
    ".github/workflows/docs.yml:16",
    "The pull request title is attacker-controlled and is expanded inline before the shell "
    "parses the line.",
    "important",
)


@pytest.mark.parametrize(
    ("alpha", "bravo"),
    [
        (
            full_review(
                "The list is refreshed from a worker thread",
                "app/FeedFragment.kt:6-7",
                "Setting `adapter.items` and redrawing happen inside the repository callback; "
                "RecyclerView throws when its data changes away from the UI loop.",
                "important",
            ),
            bullet_review(
                "app/FeedFragment.kt:7",
                "`notifyDataSetChanged()` is called from a background thread (the fetch "
                "callback); post it to the view",
                "major",
            ),
        ),
        (
            full_review(
                "Velocity ignores the frame time",
                "game/jumper.js:2-4",
                "`dt` is passed in and never used: at 144 Hz the runner covers more than twice "
                "the ground it covers at 60 Hz.",
                "important",
            ),
            bullet_review(
                "game/jumper.js:2",
                "the jump pull is added once per frame, so faster screens jump higher",
                "major",
            ),
        ),
        (
            full_review(
                "`web` starts before the broker is ready",
                "docker-compose.yml:6-7",
                "Compose only waits for the `mq` container to exist; RabbitMQ takes seconds to "
                "open its port, so the first publish fails.",
                "important",
            ),
            bullet_review(
                "docker-compose.yml:8-9",
                "the `mq` service has no healthcheck, so `web` cannot wait on `service_healthy`",
                "major",
            ),
        ),
        (
            full_review(
                "Redis published on every interface",
                "docker-compose.yml:13-14",
                "The mapping binds 6379 on all of the host's addresses; a laptop on café Wi-Fi "
                "shares its cache with the room.",
                "important",
            ),
            bullet_review("docker-compose.yml:14", "port 6379 open to the host network", "major"),
        ),
        (
            full_review(
                "Untrusted fork code runs in a privileged workflow",
                ".github/workflows/docs.yml:2-9",
                "The trigger has the base repository's secrets, and the checkout takes the "
                "contributor's branch: whatever it builds runs with them.",
                "critical",
            ),
            bullet_review(
                ".github/workflows/docs.yml:12",
                "`python -m build` runs the fork's build scripts in a pull_request_target job "
                "that can read the upload token",
                "critical",
            ),
        ),
        (
            full_review(
                "`twine upload` will not authenticate",
                ".github/workflows/docs.yml:13",
                "It takes its password from a variable of its own, so the upload stops at a "
                "prompt nobody can answer.",
                "important",
            ),
            bullet_review(
                ".github/workflows/docs.yml:15", "the token set here is never read by the step"
            ),
        ),
        (
            SKIPS,
            bullet_review(
                "game/world.lua:5",
                "removing from `self.sprites` inside the `ipairs` loop leaves the next sprite "
                "unvisited; walk the list backwards",
                "major",
            ),
        ),
        (
            CACHE_RACE,
            bullet_review(
                "ios/Avatars.swift:5",
                "the dictionary lookup races with the write in the completion handler; no "
                "queue or lock orders them",
                "major",
            ),
        ),
        (
            NO_QUEUE,
            bullet_review(
                "lib/jobs/queue.ex:5",
                "pushes to a queue that may not exist: with no process registered under "
                "`name` the cast is dropped without a word",
            ),
        ),
        (
            full_review(
                "`self` is nil in `Enemy:hit`",
                "game/enemy.lua:5",
                "`hit` indexes `self.hp`, but the click handler calls it without its receiver, "
                "so the index fails at runtime.",
                "important",
            ),
            bullet_review(
                "game/arena.lua:6",
                "`enemy.hit(10)` should be `enemy:hit(10)`: as written `self` is the number "
                "10 and the click raises an error",
                "major",
            ),
        ),
    ],
)
def test_one_failure_in_other_words_is_one(tmp_path: Path, alpha: str, bravo: str) -> None:
    assert reviewers(tmp_path, FILES, alpha, bravo) == ONE


@pytest.mark.parametrize(
    ("alpha", "bravo"),
    [
        (
            SKIPS,
            bullet_review(
                "game/world.lua:5",
                "`table.remove` in the update loop is O(n): each removal shifts the whole array",
                "minor",
            ),
        ),
        (
            full_review(
                "`image!` force-unwraps a missing download",
                "ios/Avatars.swift:8-9",
                "`image` is nil when the request fails without an error object; the app traps.",
                "suggestion",
            ),
            bullet_review(
                "ios/Avatars.swift:8",
                "any body is cached whatever the HTTP status: a 404 error page is stored as the "
                "avatar and shown until relaunch",
                "major",
            ),
        ),
        (
            full_review(
                "Blocking account lookup in the server",
                "lib/shop/sessions.ex:5",
                "`lookup!` queries the database inside `handle_call`; every other session "
                "call queues behind it and times out after 5 s.",
                "important",
            ),
            bullet_review(
                "lib/shop/sessions.ex:5",
                "`lookup!` raises for an unknown id: the process dies and every entry in "
                "`state` is lost",
                "major",
            ),
        ),
        (
            INJECTED,
            bullet_review(
                ".github/workflows/docs.yml:16",
                "`git push --tags` pushes every tag the PR's history brought along; push the "
                "new one only",
                "major",
            ),
        ),
        (
            NO_QUEUE,
            bullet_review(
                "lib/jobs_web/hook_controller.ex:5",
                "the queue name comes straight from the request; nothing validates it",
                "minor",
            ),
        ),
        (
            CACHE_RACE,
            bullet_review(
                "ios/Avatars.swift:2",
                "the cache has no size limit and keeps every avatar ever fetched",
                "minor",
            ),
        ),
    ],
)
def test_another_failure_beside_it_stays_apart(tmp_path: Path, alpha: str, bravo: str) -> None:
    assert reviewers(tmp_path, FILES, alpha, bravo) == TWO
