"""The office PC's side of SYNC.md: `join` and one sync cycle (push, pull, record).

- `link`: the transport — the only module that talks to the central server (today direct
  PostgreSQL as the person's login; an HTTP front would replace this module only);
- `settings`: where the connection lives (app settings; the password in the OS keyring);
- `engine`: join, one cycle, and the offline status. No Qt: the CLI (`cli/sync.py`) and
  the GUI (issue 17) call the same functions.
"""
