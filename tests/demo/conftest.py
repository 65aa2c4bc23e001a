"""The demo tests reuse the services' test world (a database with users of every role)."""

from tests.services.conftest import world  # noqa: F401 (a fixture)
