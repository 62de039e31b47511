"""resources.outbound's address rules: which addresses a request to someone else's URL may reach."""

from __future__ import annotations

import ipaddress

import pytest
from django.core.exceptions import ValidationError

from resources.outbound import FetchError, fetch, refusal, validate_public_url

REFUSED = {
    "127.0.0.1": "loopback",
    "127.8.9.10": "loopback",
    "::1": "loopback",
    "::ffff:127.0.0.1": "loopback",  # IPv4-mapped
    "64:ff9b::7f00:1": "loopback",  # NAT64 of 127.0.0.1
    "2002:7f00:1::": "loopback",  # 6to4 of 127.0.0.1
    "10.1.2.3": "privée",
    "172.16.0.1": "privée",
    "192.168.1.10": "privée",
    "100.64.0.1": "privée",  # shared address space (carrier-grade NAT)
    "fc00::1": "privée",
    "169.254.169.254": "lien-local",  # cloud metadata
    "fe80::1": "lien-local",
    "0.0.0.0": "réservée",
    "::": "réservée",
    "240.0.0.1": "réservée",
    "224.0.0.1": "multidiffusion",
    "ff02::1": "multidiffusion",
}
PUBLIC = ["93.184.215.14", "2606:4700:4700::1111", "192.0.43.10"]


@pytest.mark.parametrize("address", REFUSED)
def test_non_public_addresses_are_refused(address, settings):
    settings.OUTBOUND_LOOPBACK_PORTS = frozenset()
    reason = refusal(ipaddress.ip_address(address), 80)
    assert reason is not None and REFUSED[address] in reason


@pytest.mark.parametrize("address", PUBLIC)
def test_public_addresses_are_allowed(address):
    assert refusal(ipaddress.ip_address(address), 443) is None


def test_loopback_ports_named_by_the_tests_only(settings):
    settings.OUTBOUND_LOOPBACK_PORTS = frozenset({8123})
    assert refusal(ipaddress.ip_address("127.0.0.1"), 8123) is None
    assert refusal(ipaddress.ip_address("127.0.0.1"), 5432) is not None  # the database, say
    assert refusal(ipaddress.ip_address("10.0.0.1"), 8123) is not None  # loopback only


def test_production_settings_never_allow_loopback():
    from rameau_site.settings import base

    assert base.OUTBOUND_LOOPBACK_PORTS == frozenset()
    source = open("rameau_site/settings/production.py", encoding="utf-8").read()
    assert "OUTBOUND_LOOPBACK_PORTS = frozenset()" in source


@pytest.mark.parametrize(
    "url, reason",
    [
        ("file:///etc/passwd", "seuls http et https"),
        ("ftp://exemple.org/flux", "seuls http et https"),
        ("javascript:alert(1)", "seuls http et https"),
        ("gopher://127.0.0.1:6379/_INFO", "seuls http et https"),
        ("http:///sans-hote", "pas de nom de domaine"),
        ("http://10.0.0.5/feed/", "adresse privée"),
        ("http://[::1]:8000/", "loopback"),
        ("http://0x7f000001/", "adresse locale"),  # 127.0.0.1 written in hexadecimal
        ("http://nom-qui-n-existe-pas.invalid/feed/", "nom de domaine introuvable"),
    ],
)
def test_fetch_refuses_before_any_connection(url, reason, settings):
    settings.OUTBOUND_LOOPBACK_PORTS = frozenset()
    with pytest.raises(FetchError, match=reason):
        fetch(url, timeout=3)


@pytest.mark.parametrize(
    "url",
    [
        "ftp://exemple.org/flux.xml",
        "http://localhost/feed/",
        "http://intranet.local/feed/",
        "http://127.0.0.1:8000/feed/",
        "http://192.168.0.12/rss",
        "http://[fe80::1]/rss",
    ],
)
def test_the_form_refuses_local_addresses_staff_might_type(url):
    with pytest.raises(ValidationError):
        validate_public_url(url)


def test_the_form_accepts_a_platform_feed():
    validate_public_url("https://rseetpartenariats.wordpress.com/feed/")
    validate_public_url("http://93.184.215.14/feed/")
