"""TLS for the sandbox: a private CA and a server certificate for 127.0.0.1 / localhost.

MSAL refuses ``http`` authorities even on loopback, so the sandbox must speak HTTPS, and clients
must trust it explicitly through ``ca_bundle`` (never by switching verification off). The CA is
kept in the state directory and reused across restarts, so a profile written once keeps working;
the server certificate is re-issued on every start (it is cheap and short-lived).
"""

from __future__ import annotations

import datetime as dt
import ipaddress
import ssl
from dataclasses import dataclass
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

from m365inv.atomic import write_bytes_atomic
from m365inv.errors import SandboxError

CA_FILE = "sandbox-ca.pem"
CA_KEY_FILE = "sandbox-ca.key"
SERVER_CERT_FILE = "sandbox-server.pem"
SERVER_KEY_FILE = "sandbox-server.key"


@dataclass(frozen=True)
class TlsFiles:
    ca_bundle: Path
    server_cert: Path
    server_key: Path

    def server_context(self) -> ssl.SSLContext:
        """An SSL context for the listening socket (TLS 1.2+)."""
        ctx = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
        ctx.minimum_version = ssl.TLSVersion.TLSv1_2
        ctx.load_cert_chain(self.server_cert, self.server_key)
        return ctx

    def client_context(self) -> ssl.SSLContext:
        """A verifying client context that trusts only the sandbox CA (for our own calls)."""
        return ssl.create_default_context(cafile=str(self.ca_bundle))


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def _pem_key(key: ec.EllipticCurvePrivateKey) -> bytes:
    return key.private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption(),
    )


def _new_ca() -> tuple[ec.EllipticCurvePrivateKey, x509.Certificate]:
    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "m365inv sandbox CA")])
    now = _now()
    cert = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(minutes=5))
        .not_valid_after(now + dt.timedelta(days=825))
        .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
        .add_extension(
            x509.KeyUsage(
                digital_signature=False,
                content_commitment=False,
                key_encipherment=False,
                data_encipherment=False,
                key_agreement=False,
                key_cert_sign=True,
                crl_sign=True,
                encipher_only=False,
                decipher_only=False,
            ),
            critical=True,
        )
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(key.public_key()), critical=False)
        .sign(key, hashes.SHA256())
    )
    return key, cert


def _load_ca(state_dir: Path) -> tuple[ec.EllipticCurvePrivateKey, x509.Certificate] | None:
    """Reuse a CA from an earlier start when it is intact and not about to expire."""
    cert_path, key_path = state_dir / CA_FILE, state_dir / CA_KEY_FILE
    if not (cert_path.is_file() and key_path.is_file()):
        return None
    try:
        cert = x509.load_pem_x509_certificate(cert_path.read_bytes())
        key = serialization.load_pem_private_key(key_path.read_bytes(), password=None)
    except ValueError:
        return None
    if not isinstance(key, ec.EllipticCurvePrivateKey):
        return None
    if cert.not_valid_after_utc < _now() + dt.timedelta(days=7):
        return None
    return key, cert


def _server_cert(
    ca_key: ec.EllipticCurvePrivateKey, ca_cert: x509.Certificate
) -> tuple[ec.EllipticCurvePrivateKey, x509.Certificate]:
    key = ec.generate_private_key(ec.SECP256R1())
    now = _now()
    san = x509.SubjectAlternativeName(
        [x509.IPAddress(ipaddress.IPv4Address("127.0.0.1")), x509.DNSName("localhost")]
    )
    cert = (
        x509.CertificateBuilder()
        .subject_name(x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "127.0.0.1")]))
        .issuer_name(ca_cert.subject)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(minutes=5))
        .not_valid_after(now + dt.timedelta(days=30))
        .add_extension(san, critical=False)
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .add_extension(x509.ExtendedKeyUsage([ExtendedKeyUsageOID.SERVER_AUTH]), critical=False)
        .add_extension(
            x509.AuthorityKeyIdentifier.from_issuer_public_key(ca_key.public_key()), critical=False
        )
        .sign(ca_key, hashes.SHA256())
    )
    return key, cert


def ensure_tls(state_dir: Path) -> TlsFiles:
    """Create (or reuse) the CA and issue a fresh server certificate into ``state_dir``."""
    try:
        state_dir.mkdir(parents=True, exist_ok=True, mode=0o700)
        loaded = _load_ca(state_dir)
        if loaded is None:
            ca_key, ca_cert = _new_ca()
            write_bytes_atomic(state_dir / CA_KEY_FILE, _pem_key(ca_key), mode=0o600)
            write_bytes_atomic(
                state_dir / CA_FILE, ca_cert.public_bytes(serialization.Encoding.PEM), mode=0o644
            )
        else:
            ca_key, ca_cert = loaded
        key, cert = _server_cert(ca_key, ca_cert)
        write_bytes_atomic(state_dir / SERVER_KEY_FILE, _pem_key(key), mode=0o600)
        write_bytes_atomic(
            state_dir / SERVER_CERT_FILE, cert.public_bytes(serialization.Encoding.PEM), mode=0o644
        )
    except OSError as exc:
        raise SandboxError(f"cannot write TLS files to {state_dir}: {exc.strerror}") from exc
    return TlsFiles(
        ca_bundle=state_dir / CA_FILE,
        server_cert=state_dir / SERVER_CERT_FILE,
        server_key=state_dir / SERVER_KEY_FILE,
    )
