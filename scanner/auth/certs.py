"""Client certificates: load PEM or PFX, make a new key pair, give MSAL what it wants.

MSAL 1.39 signs the client assertion with the private key and, when given ``public_certificate``,
sends the ``x5c`` chain and an ``x5t#S256`` (SHA-256) thumbprint header; the SHA-1 ``thumbprint``
is only a legacy fallback. We therefore always hand MSAL the private key and the certificate.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.hazmat.primitives.serialization import pkcs12
from cryptography.x509.oid import NameOID

from m365inv.errors import AuthError


@dataclass(frozen=True, repr=False)
class ClientCertificate:
    private_key_pem: str
    certificate_pem: str
    sha256_thumbprint: str  # hex, as MSAL's ``thumbprint_sha256`` takes it

    def __repr__(self) -> str:
        return f"ClientCertificate(sha256={self.sha256_thumbprint})"


def _to_msal(key: object, cert: x509.Certificate) -> ClientCertificate:
    key_pem = key.private_bytes(  # type: ignore[attr-defined]
        serialization.Encoding.PEM,
        serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption(),
    ).decode()
    return ClientCertificate(
        private_key_pem=key_pem,
        certificate_pem=cert.public_bytes(serialization.Encoding.PEM).decode(),
        sha256_thumbprint=cert.fingerprint(hashes.SHA256()).hex(),
    )


def load_certificate(data: bytes, password: bytes | None, *, origin: str) -> ClientCertificate:
    """PEM (key + certificate, key optionally encrypted) or PKCS#12/PFX with a passphrase."""
    if b"-----BEGIN" in data:
        try:
            key = serialization.load_pem_private_key(data, password=password)
            cert = x509.load_pem_x509_certificate(data[data.index(b"-----BEGIN CERTIFICATE") :])
        except (ValueError, TypeError) as exc:
            raise AuthError(
                f"cannot use the certificate from {origin}: {_reason(exc, password)}"
            ) from None
        return _to_msal(key, cert)
    try:
        pfx_key, pfx_cert, _chain = pkcs12.load_key_and_certificates(data, password)
    except (ValueError, TypeError) as exc:
        raise AuthError(
            f"cannot use the certificate from {origin}: {_reason(exc, password)}"
        ) from None
    if pfx_key is None or pfx_cert is None:
        raise AuthError(f"the PFX from {origin} must hold a private key and its certificate")
    return _to_msal(pfx_key, pfx_cert)


def _reason(exc: Exception, password: bytes | None) -> str:
    text = str(exc).lower()
    if "password" in text or "decrypt" in text or "mac" in text:
        return "wrong or missing certificate password (M365INV_CERT_PASSWORD / vault)"
    if "certificate" in text or "index" in text or "substring" in text:
        return "it holds no certificate (PEM must contain the private key and the certificate)"
    return "not a PEM or PFX key pair"


def generate_certificate(common_name: str, *, days: int = 730) -> bytes:
    """A new RSA-3072 key and self-signed certificate as one PEM (private key first)."""
    key = rsa.generate_private_key(public_exponent=65537, key_size=3072)
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, common_name)])
    now = dt.datetime.now(dt.UTC)
    cert = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(minutes=5))
        .not_valid_after(now + dt.timedelta(days=days))
        .sign(key, hashes.SHA256())
    )
    return key.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    ) + cert.public_bytes(serialization.Encoding.PEM)


def public_pem(data: bytes) -> bytes:
    """Only the certificate of a stored key pair — what may leave the vault."""
    start = data.find(b"-----BEGIN CERTIFICATE")
    if start < 0:
        raise AuthError("the stored key pair holds no certificate")
    try:
        cert = x509.load_pem_x509_certificate(data[start:])
    except ValueError:
        raise AuthError("the stored certificate is damaged") from None
    return cert.public_bytes(serialization.Encoding.PEM)
