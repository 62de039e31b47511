"""The demo keeps the old site's address of the centres, which the client's own note cites."""

from wagtail.contrib.redirects.models import Redirect


def test_old_centres_address_leads_to_the_centres_index(demo_database, client):
    response = client.get("/les-centres-de-ressources/")
    assert response.status_code == 301
    assert response["Location"] == "/centres-de-ressources/"
    assert Redirect.objects.get(old_path="/les-centres-de-ressources").is_permanent
