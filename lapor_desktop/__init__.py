"""LAPOR Desktop: pengelolaan pengaduan SP4N LAPOR! Kabupaten Kampar."""

__version__ = "0.1.0"
