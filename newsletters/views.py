"""Sign-up, confirmation and unsubscribe pages.

The sign-up form sits in the footer of every page, which the page cache keeps: it carries no
CSRF token, and this view is exempt. A forged cross-site sign-up can only cause a confirmation
e-mail, which anyone could ask for anyway; the honeypot, the fill time and the rate limit
are its protection. The confirmation and unsubscribe views act on a signed link, which is
the visitor's proof: they need neither a login nor a CSRF token (mail clients post the
one-click unsubscribe of RFC 8058 from outside the site).
"""

from __future__ import annotations

from django.core import signing
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt

from core.antispam import ROBOT_REASONS, count_submission, log_spam, rate_limited, spam_reason, too_many_requests
from newsletters.models import NewsletterList

from . import after_response, service
from .forms import SubscribeForm, offered_lists
from .tokens import ALL_LISTS, read_confirm_token, read_unsubscribe_token, unsubscribe_token

SCOPE = "newsletter"


@csrf_exempt
@never_cache
def subscribe(request: HttpRequest) -> HttpResponse:
    lists = offered_lists(request)
    if request.method != "POST":
        return render(request, "newsletters/subscribe.html", {"form": SubscribeForm(lists=lists)})
    if rate_limited(request, SCOPE):
        return too_many_requests(request)
    form = SubscribeForm(request.POST, lists=lists)
    if not form.is_valid():
        return render(request, "newsletters/subscribe.html", {"form": form})
    reason = spam_reason(request.POST)
    if reason in ROBOT_REASONS:
        log_spam(SCOPE, reason)
    else:  # sent fast (autofill) or from a page left open: double opt-in is the safeguard
        after_response.receive(form.cleaned_data["email"], form.cleaned_data["lists"])
    count_submission(request, SCOPE)
    return redirect("newsletters:sent")


def sent(request: HttpRequest) -> HttpResponse:
    """The same words whether the address was known, new or already confirmed."""
    return render(request, "newsletters/sent.html")


def link_error(request: HttpRequest, expired: bool) -> HttpResponse:
    return render(request, "newsletters/link_error.html", {"expired": expired}, status=410 if expired else 400)


@csrf_exempt
@never_cache
def confirm(request: HttpRequest, token: str) -> HttpResponse:
    """A page with one button: mail scanners that open every link confirm nothing."""
    try:
        subscriber_id, list_ids = read_confirm_token(token)
    except signing.SignatureExpired:
        return link_error(request, expired=True)
    except signing.BadSignature:
        return link_error(request, expired=False)
    if request.method == "POST":
        subscriptions = service.confirm(subscriber_id, list_ids)
        return render(request, "newsletters/confirmed.html", {"subscriptions": subscriptions})
    newsletters = NewsletterList.objects.filter(pk__in=list_ids).order_by("sort_order", "name")
    return render(request, "newsletters/confirm.html", {"newsletters": newsletters})


@csrf_exempt
@never_cache
def unsubscribe(request: HttpRequest, token: str) -> HttpResponse:
    """GET shows one button (link scanners must not unsubscribe anyone); POST, from that button
    or from a mail client's one-click, stops the list or, for « tout arrêter », every list."""
    try:
        subscriber_id, list_id = read_unsubscribe_token(token)
    except signing.BadSignature:
        return link_error(request, expired=False)
    newsletter = NewsletterList.objects.filter(pk=list_id).first() if list_id != ALL_LISTS else None
    context = {"newsletter": newsletter, "everything": list_id == ALL_LISTS}
    if request.method == "POST":
        service.unsubscribe(subscriber_id, list_id)
        return render(request, "newsletters/unsubscribed.html", context)
    context["everything_url"] = reverse("newsletters:unsubscribe", args=[unsubscribe_token(subscriber_id)])
    return render(request, "newsletters/unsubscribe.html", context)
