"""LAPOR Desktop: pengelolaan pengaduan SP4N LAPOR! Kabupaten Kampar."""

from lapor_desktop.db.central import defer_driver

__version__ = "0.1.0"

# Before anything imports peewee: the PostgreSQL driver is loaded only for a central
# connection (see db/central.py), which keeps the desktop's start-up short.
defer_driver()
