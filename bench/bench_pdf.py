"""Benchmarks of the document renderers (issue 5; DESIGN.md §5: targets live here).

    .venv/bin/python bench/bench_pdf.py

Targets: one letter ≤ 100 ms in a warm process; 200 letters ≤ 10 s; the monthly summary
with a 10,000-row annex ≤ 5 s (rendering only here — add the queries on the DB side);
signing one letter ≤ 0.5 s.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from lapor_desktop.pdf import (
    Pkcs12Signer,
    load_templates,
    monthly_xlsx,
    render_answer,
    render_monthly,
    render_receipt,
    samples,
    sign_pdf,
)


def timed(fn: Callable[[], object], repeat: int = 1) -> tuple[float, float]:
    """Median (wall, CPU) seconds. CPU time shows the cost when the machine is shared."""
    walls, cpus = [], []
    for _ in range(repeat):
        t0, c0 = time.perf_counter(), time.process_time()
        fn()
        walls.append(time.perf_counter() - t0)
        cpus.append(time.process_time() - c0)
    return statistics.median(walls), statistics.median(cpus)


def report(name: str, seconds: tuple[float, float], target: float | None = None) -> bool:
    wall, cpu = seconds
    ok = target is None or wall <= target
    goal = f"target ≤ {target * 1000:.0f} ms   {'OK' if ok else 'SLOW'}" if target else ""
    print(f"{name:<44} {wall * 1000:9.1f} ms (CPU {cpu * 1000:7.1f} ms)   {goal}")
    return ok


def test_pkcs12() -> bytes:
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.hazmat.primitives.serialization import pkcs12
    from cryptography.x509.oid import NameOID

    now = dt.datetime.now(dt.UTC)
    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "Bench Signer")])
    cert = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(days=1))
        .not_valid_after(now + dt.timedelta(days=1))
        .add_extension(
            x509.KeyUsage(True, True, False, False, False, False, False, False, False), True
        )
        .sign(key, hashes.SHA256())
    )
    return pkcs12.serialize_key_and_certificates(
        b"bench", key, cert, None, serialization.BestAvailableEncryption(b"bench")
    )


POINTER = "LAPOR|KPR-2026-{0:06d}|000/{0}/X/2026|{0:016x}"


def main() -> int:
    t0 = time.perf_counter()
    templates = load_templates()
    render_answer(samples.answer(), templates)  # cold: imports, font parsing
    print(
        f"{'first letter (cold: imports + fonts)':<44} {(time.perf_counter() - t0) * 1000:9.1f} ms"
    )
    ok = True
    # As printed: every letter with its verification pointer QR (services.verification),
    # each one different (no cached QR matrix).
    pointed = dataclasses.replace(samples.answer(), verification_url=POINTER.format(0))
    ok &= report("one answer letter with pointer QR (warm)", timed(
        lambda: render_answer(pointed, templates), 20), 0.100)  # fmt: skip
    receipt = dataclasses.replace(samples.receipt(), qr_payload=POINTER.format(0))
    ok &= report("one receipt with QR (warm)", timed(
        lambda: render_receipt(receipt, templates), 20), 0.100)  # fmt: skip

    def letters() -> None:
        for i in range(200):
            data = samples.answer(ticket=f"KPR-2026-{i:06d}", nomor=f"000/{i}/X/2026")
            data = dataclasses.replace(data, verification_url=POINTER.format(i))
            render_answer(data, templates)

    ok &= report("200 answer letters", timed(letters), 10.0)
    data = samples.monthly(10_000)
    ok &= report("monthly summary, 10,000-row annex (PDF)", timed(
        lambda: render_monthly(data, templates)), 5.0)  # fmt: skip
    report("monthly summary, 10,000-row annex (XLSX)", timed(lambda: monthly_xlsx(data)))

    signatory = dataclasses.replace(samples.HEAD, electronic=True)
    letter = render_answer(dataclasses.replace(samples.answer(), signatory=signatory), templates)
    signer = Pkcs12Signer(test_pkcs12(), b"bench")
    sign_pdf(letter, signer)  # loads pyHanko and the key once
    ok &= report("signing one letter (warm)", timed(lambda: sign_pdf(letter, signer), 5), 0.5)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
